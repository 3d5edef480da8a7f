namespace PaperBot.Tests.EndToEnd;

/// <summary>A test class whose tests each get their own workspace and freshly started platform fakes, for bot processes to run against.</summary>
public abstract class PlatformFakesTest : IAsyncLifetime
{
    internal BotWorkspace Workspace { get; } = new();

    internal PlatformFakes Fakes { get; private set; } = null!;

    public async Task InitializeAsync() => Fakes = await PlatformFakes.StartAsync();

    public async Task DisposeAsync()
    {
        await Fakes.DisposeAsync();
        Workspace.Dispose();
    }
}
