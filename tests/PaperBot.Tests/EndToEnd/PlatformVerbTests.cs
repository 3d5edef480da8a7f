using System.Text.Json.Nodes;

namespace PaperBot.Tests.EndToEnd;

/// <summary>The one-time setup verbs: <c>register-commands</c> against the fake Discord API, and <c>slack-manifest</c>.</summary>
public sealed class PlatformVerbTests : IAsyncLifetime
{
    private readonly BotWorkspace _workspace = new();
    private PlatformFakes _fakes = null!;

    public async Task InitializeAsync() => _fakes = await PlatformFakes.StartAsync();

    [Fact]
    public async Task Register_commands_for_a_guild_bulk_overwrites_papers_on_the_guild_route()
    {
        var outcome = await BotProcess.RunAsync(_workspace.Root, _fakes.Environment(_workspace), "register-commands", "--guild", "123");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var request = Assert.Single(_fakes.Discord.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/api/v10/applications/{PlatformFakes.DiscordApplicationId}/guilds/123/commands", request.Path);
        Assert.Equal($"Bot {PlatformFakes.DiscordBotToken}", request.Authorization);
        Assert.Equal("papers", Assert.Single(request.Body.EnumerateArray()).GetProperty("name").GetString());
        Assert.Empty(_fakes.Discord.Violations);
        Assert.DoesNotContain(PlatformFakes.DiscordBotToken, outcome.Output + outcome.Error);
    }

    [Fact]
    public async Task Slack_manifest_points_commands_interactivity_and_events_at_the_public_url()
    {
        var outcome = await BotProcess.RunAsync(_workspace.Root, null, "slack-manifest", "--public-url", "https://bot.example.org");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var manifest = JsonNode.Parse(outcome.Output)!;
        Assert.Equal("https://bot.example.org/slack/commands", manifest["features"]!["slash_commands"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("https://bot.example.org/slack/interactions", manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>());
        Assert.Equal("https://bot.example.org/slack/events", manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Slack_manifest_without_a_public_url_exits_2_and_says_what_is_missing()
    {
        var outcome = await BotProcess.RunAsync(_workspace.Root, null, "slack-manifest");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--public-url", outcome.Error);
        Assert.Equal("", outcome.Output);
    }

    public async Task DisposeAsync()
    {
        await _fakes.DisposeAsync();
        _workspace.Dispose();
    }
}
