namespace PaperBot.Tests.EndToEnd;

/// <summary>A test class against the whole bot: its own workspace, both fake platform APIs, and the bot configured for them.</summary>
public abstract class WholeBotTest : IAsyncLifetime
{
    private protected BotWorkspace Workspace { get; } = new();

    private protected PlatformFakes Fakes { get; private set; } = null!;

    private protected PlatformBot Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fakes = await PlatformFakes.StartAsync();
        Bot = await PlatformBot.StartAsync(Workspace, Fakes);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fakes.DisposeAsync();
        Workspace.Dispose();
    }
}
