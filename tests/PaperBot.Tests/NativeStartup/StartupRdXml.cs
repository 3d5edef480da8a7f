using System.Xml.Linq;
using PaperBot.Testing;

namespace PaperBot.Tests.NativeStartup;

/// <summary>
/// <c>src/PaperBot/Startup.rd.xml</c>: the generic types the native compiler builds ahead, so that the container finds them
/// at start instead of having the runtime's type loader build them (about half of a native start's work without it).
/// </summary>
internal static class StartupRdXml
{
    private static readonly XNamespace Directives = "http://schemas.microsoft.com/netfx/2013/01/metadata";

    public static string Path => System.IO.Path.Combine(SharedPaths.RepositoryRoot, "src", "PaperBot", "Startup.rd.xml");

    public static IReadOnlySet<RdXmlEntry> Listed() =>
        XDocument.Load(Path).Descendants(Directives + "Assembly")
            .SelectMany(assembly => assembly.Elements(Directives + "Type")
                .Select(type => new RdXmlEntry((string)assembly.Attribute("Name")!, (string)type.Attribute("Name")!)))
            .ToHashSet();

    /// <summary>The whole file for these entries, by assembly and name.</summary>
    public static string Render(IEnumerable<RdXmlEntry> entries)
    {
        var assemblies = entries.Distinct()
            .GroupBy(e => e.Assembly)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new XElement(Directives + "Assembly", new XAttribute("Name", g.Key),
                g.Select(e => e.Name).Order(StringComparer.Ordinal).Select(name =>
                    new XElement(Directives + "Type", new XAttribute("Name", name), new XAttribute("Dynamic", "Required All")))));
        var document = new XDocument(
            new XComment(" The generic types the container closes when the host starts, compiled ahead so that the runtime need not " +
                         "build them. Kept complete by tests/PaperBot.Tests/NativeStartup, which writes this file anew when it is not. "),
            new XElement(Directives + "Directives", new XElement(Directives + "Application", assemblies)));
        return document + Environment.NewLine;
    }
}

/// <param name="Assembly">The assembly that defines the generic type (or the array's element type).</param>
/// <param name="Name">The type's name in rd.xml: generic arguments as <c>[[Name,Assembly]]</c>.</param>
internal sealed record RdXmlEntry(string Assembly, string Name)
{
    public static RdXmlEntry For(Type type)
    {
        var defining = type.IsArray ? type.GetElementType()! : type;
        return new RdXmlEntry(defining.Assembly.GetName().Name!, NameOf(type));
    }

    private static string NameOf(Type type)
    {
        if (type.IsArray)
            return NameOf(type.GetElementType()!) + "[]";
        if (!type.IsGenericType)
            return type.FullName!;
        var arguments = type.GetGenericArguments().Select(a => $"[{NameOf(a)},{a.Assembly.GetName().Name}]");
        return $"{type.GetGenericTypeDefinition().FullName}[{string.Join(",", arguments)}]";
    }
}
