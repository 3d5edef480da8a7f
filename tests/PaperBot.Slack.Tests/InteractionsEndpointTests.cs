using PaperBot.Testing;
using PaperBot.Core.Commands;
using System.Net;
using System.Text.Json.Nodes;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Slack's own block_actions example (bolt-python), with PaperBot's button in it.</summary>
    private string ButtonClick(string actionId, string value, string responseUrl)
    {
        var payload = JsonNode.Parse(File.ReadAllText(Path.Combine(SlackSpecs.SlackSpecsFolder, "examples", "block_actions_message_button.bolt-python.json")))!;
        payload["response_url"] = responseUrl;
        payload["actions"]![0]!["action_id"] = actionId;
        payload["actions"]![0]!["block_id"] = PaperButtons.ActionsBlockId;
        payload["actions"]![0]!["value"] = value;
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    private static string ValueFor(string actionId, int rank) =>
        actionId == PaperButtons.AbstractAction ? PaperButton.Abstract(SampleEditions.LatestDate, rank) : PaperButton.KeyPoints(SampleEditions.LatestDate, rank);

    [Theory]
    [InlineData(PaperButtons.KeyPointsAction, "REFLECT로 구조화된 오류 위치를 파악한다.")]
    [InlineData(PaperButtons.AbstractAction, "우리는 개방형 체화 환경에서의 지속적인 기술 습득을 연구합니다.")]
    public async Task A_button_answers_the_clicker_privately_through_the_response_url(string actionId, string expected)
    {
        var url = _host.ResponseUrls.UrlFor("click");
        var response = await _host.SendSignedAsync("/slack/interactions", ButtonClick(actionId, ValueFor(actionId, rank: 2), url.ToString()), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(await _host.ResponseUrls.WaitForAsync(1));
        Assert.Equal("ephemeral", received.Body["response_type"]!.GetValue<string>());
        Assert.False(received.Body["replace_original"]!.GetValue<bool>());
        Assert.Contains(expected, string.Join("\n", SlackCall.Strings(received.Body)));
        Assert.Equal("", received.Authorization); // the bot token never goes to a response_url
        SlackSpecs.AssertMessageWithinLimits(received.Body);
        Assert.Empty(_host.Slack.Calls);
    }

    [Fact]
    public async Task The_slacks_example_body_verbatim_is_acknowledged_and_ignored()
    {
        await using var host = await SlackBotHost.StartAsync(processWork: false);
        var body = File.ReadAllText(Path.Combine(SlackSpecs.SlackSpecsFolder, "examples", "block_actions_form_body.bolt-python.txt")).Trim();
        var response = await host.SendSignedAsync("/slack/interactions", body, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.TakeQueuedWork()); // not a PaperBot button: nothing to answer
    }

    [Fact]
    public async Task A_button_for_a_paper_that_is_gone_says_so()
    {
        var url = _host.ResponseUrls.UrlFor("gone");
        await _host.SendSignedAsync("/slack/interactions", ButtonClick(PaperButtons.KeyPointsAction, ValueFor(PaperButtons.KeyPointsAction, rank: 9), url.ToString()), "application/x-www-form-urlencoded");
        var received = Assert.Single(await _host.ResponseUrls.WaitForAsync(1));
        Assert.Contains("there is no paper 9", string.Join("\n", SlackCall.Strings(received.Body)));
    }
}
