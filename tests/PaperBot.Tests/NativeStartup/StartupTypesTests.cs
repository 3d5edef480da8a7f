using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.NativeStartup;

/// <summary>
/// The native bot answers <c>/healthz</c> in two thirds of the time when every generic type its container closes on the
/// way there is compiled ahead. Adding a service whose types are not listed would quietly give that back; this test names
/// them and writes the file with them added.
/// </summary>
[Collection(NativeStartupCollection.Name)]
public sealed class StartupTypesTests : PlatformFakesTest
{
    [Fact]
    public async Task Every_generic_type_the_container_closes_before_healthz_answers_is_compiled_ahead()
    {
        IReadOnlySet<Type> beforeHealthz;
        using var closed = new ClosedGenericTypes();
        await using (var bot = await RunningBot.StartAsync(Workspace.Digests, Workspace.Database, Fakes.Arguments()))
        {
            (await bot.Client.GetAsync("/healthz")).EnsureSuccessStatusCode();
            beforeHealthz = closed.Resolve();
        }

        var listed = StartupRdXml.Listed();
        var missing = beforeHealthz.Select(RdXmlEntry.For).Where(entry => !listed.Contains(entry)).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
            return;
        // Everything closed in this run, later ones too: which services a background task reaches before /healthz varies.
        var proposal = Path.Combine(Path.GetTempPath(), "Startup.rd.xml");
        await File.WriteAllTextAsync(proposal, StartupRdXml.Render(listed.Concat(closed.Resolve().Select(RdXmlEntry.For))));
        Assert.Fail($"{missing.Count} generic type(s) the container closes at start are not in {StartupRdXml.Path}:\n  " +
                    string.Join("\n  ", missing) + $"\nThe file with them added, to copy there: {proposal}");
    }
}
