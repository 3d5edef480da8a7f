using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Text.RegularExpressions;

namespace PaperBot.Tests.NativeStartup;

/// <summary>
/// Every generic type a dependency-injection container in this process closes while it builds its services, as the
/// container's own event source reports them: each service and implementation type, and for each <c>IEnumerable&lt;T&gt;</c>
/// the <c>T[]</c> it creates. These are the types a native executable builds at run time unless they were compiled ahead.
/// </summary>
internal sealed partial class ClosedGenericTypes : EventListener
{
    private const string SourceName = "Microsoft-Extensions-DependencyInjection";
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    /// <summary>The types closed so far, resolved among the loaded assemblies.</summary>
    public IReadOnlySet<Type> Resolve() => _names.Keys.Select(RuntimeTypeName.Resolve).Select(ArrayForEnumerable).ToHashSet();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == SourceName)
            EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // CallSiteBuilt's second field describes the whole tree of call sites, nested dependencies included.
        if (eventData.EventName != "CallSiteBuilt" || eventData.Payload is not [_, string callSite, ..])
            return;
        foreach (Match match in GenericTypeField().Matches(callSite))
            _names.TryAdd(match.Groups[1].Value, 0);
    }

    private static Type ArrayForEnumerable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type.GetGenericArguments()[0].MakeArrayType() : type;

    [GeneratedRegex("\"(?:serviceType|implementationType)\": \"([^\"]*`[^\"]*)\"")]
    private static partial Regex GenericTypeField();
}
