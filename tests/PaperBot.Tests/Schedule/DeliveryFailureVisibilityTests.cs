using System.Text.Json.Nodes;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Schedule;

/// <summary>A channel that fails never holds back the others, and its error is there for people to see: in status and on the archive page.</summary>
public sealed class DeliveryFailureVisibilityTests : IAsyncLifetime
{
    private readonly BotWorkspace _workspace = new();
    private PlatformFakes _fakes = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _fakes = await PlatformFakes.StartAsync();
        _fakes.Slack.Refuse(PlatformFakes.SlackChannel, "channel_not_found");
        // Today's digest, and a channel time that has passed today: the first start delivers at once.
        _workspace.WriteDigestDated(DateOnly.FromDateTime(DateTime.UtcNow));
        _bot = await RunningBot.StartAsync(_workspace.Digests, _workspace.Database,
            [.. _fakes.Arguments(), "--Schedule:TimeOfDay", "00:00", "--Schedule:TimeZone", "UTC"]);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fakes.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task The_refused_channel_is_shown_on_the_archive_page_and_in_status_while_discord_gets_the_edition()
    {
        await RunningBot.EventuallyAsync(async () =>
            _fakes.Discord.ThreadsIn(PlatformFakes.DiscordChannel).Count == 5 &&
            (await _bot.Client.GetStringAsync("/")).Contains("Deliveries that failed", StringComparison.Ordinal), seconds: 60);

        var page = await _bot.Client.GetStringAsync("/");
        Assert.Contains($"slack channel <code>{PlatformFakes.SlackChannel}</code>", page);
        Assert.Contains("channel_not_found", page);
        Assert.Contains("not retried for this edition", page);
        Assert.DoesNotContain($"discord channel <code>{PlatformFakes.DiscordChannel}</code>", page);

        using var response = await _bot.Client.SendAsync(SlackSigner.Request("/slack/commands",
            SlackBodies.Command("status", _fakes.ResponseUrls.UrlFor("status").ToString(), PlatformFakes.SlackChannel),
            "application/x-www-form-urlencoded", PlatformFakes.SlackSigningSecret));
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString();
        Assert.Contains("Last delivery error", status);
        Assert.Contains("channel_not_found", status);
        Assert.Contains("check that PaperBot is in the channel", status);
    }
}
