using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Commands;
using PaperBot.Slack.Options;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.Security;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

/// <summary>A signed payload's response_url is followed only when it is under Slack:AllowedResponseUrlPrefixes.</summary>
public sealed class ResponseUrlTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/actions/T111/111/secret", true)]
    [InlineData("https://HOOKS.slack.com/commands/T111/222/secret", true)]
    [InlineData("https://hooks.slack.com:443/actions/T111/111/secret", true)]
    [InlineData("http://hooks.slack.com/actions/T111/111/secret", false)]
    [InlineData("https://hooks.slack.com.evil.example/actions/x", false)]
    [InlineData("https://hooks.slack.com@evil.example/actions/x", false)]
    [InlineData("https://hooks.slack.com:8443/actions/x", false)]
    [InlineData("https://evil.example/https://hooks.slack.com/", false)]
    [InlineData("http://127.0.0.1:5000/slack/commands", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/actions/T111/111/secret", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_addresses_under_the_default_prefix_are_followed(string? url, bool followed)
    {
        var policy = new ResponseUrlPolicy(Microsoft.Extensions.Options.Options.Create(new SlackOptions()), NullLogger<ResponseUrlPolicy>.Instance);

        Assert.Equal(followed, policy.TryAccept(url, out var accepted));
        Assert.Equal(followed, accepted is not null);
    }

    [Fact]
    public async Task A_button_whose_response_url_points_elsewhere_is_dropped_and_logged_without_its_path()
    {
        var logs = new LogCapture();
        await using var host = await SlackBotHost.StartAsync(processWork: false, logs: logs);
        var forbidden = new Uri($"http://127.0.0.1:{host.Client.BaseAddress!.Port}/slack/capability-path");

        using var dropped = await host.SendSignedAsync("/slack/interactions", ButtonClick(forbidden.ToString()), "application/x-www-form-urlencoded");
        var queuedForForbidden = host.TakeQueuedWork();
        using var followed = await host.SendSignedAsync("/slack/interactions", ButtonClick(host.ResponseUrls.UrlFor("allowed").ToString()), "application/x-www-form-urlencoded");
        var queuedForAllowed = host.TakeQueuedWork();

        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        Assert.Empty(queuedForForbidden);
        Assert.Single(queuedForAllowed);
        var line = Assert.Single(logs.Lines, l => l.Contains("response_url"));
        Assert.Contains($"http://127.0.0.1:{forbidden.Port}", line);
        Assert.DoesNotContain("capability-path", string.Join('\n', logs.Lines));
    }

    [Fact]
    public async Task A_slow_command_whose_response_url_points_at_the_bot_itself_is_not_followed()
    {
        GatedArchive? gated = null;
        var logs = new LogCapture();
        var clock = new WatchedClock(DateTimeOffset.UtcNow); // the signature check compares with the signing time
        await using var host = await SlackBotHost.StartAsync(wrapArchive: archive => gated = new GatedArchive(archive), time: clock, processWork: false, logs: logs);
        var ownPort = new Uri(host.Client.BaseAddress!, "slack/commands").ToString();

        var answering = host.CommandAsync("today", ownPort);
        clock.Advance(await clock.NextWaitAsync());
        using var response = await answering; // while the archive is still closed

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());
        Assert.Contains("try again", ack["text"]!.GetValue<string>());
        Assert.Contains(logs.Lines, l => l.Contains("Dropped a response_url"));
        Assert.Empty(host.TakeQueuedWork());
        gated!.Open();
    }

    [Fact]
    public void Without_the_setting_only_hooks_slack_com_is_followed_and_given_prefixes_replace_it()
    {
        Assert.Equal(["https://hooks.slack.com/"], new SlackOptions().EffectiveResponseUrlPrefixes);
        Assert.Equal(["http://127.0.0.1:1/response/"], new SlackOptions { AllowedResponseUrlPrefixes = ["http://127.0.0.1:1/response/"] }.EffectiveResponseUrlPrefixes);
    }

    private static string ButtonClick(string responseUrl)
    {
        var payload = SlackBodies.Example("block_actions_message_button.bolt-python.json");
        payload["response_url"] = responseUrl;
        payload["actions"]![0]!["action_id"] = PaperButtons.KeyPointsAction;
        payload["actions"]![0]!["block_id"] = PaperButtons.ActionsBlockId;
        payload["actions"]![0]!["value"] = PaperButton.KeyPoints(SampleEditions.LatestDate, 2);
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }
}
