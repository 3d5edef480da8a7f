using System.Net;
using System.Text.Json.Nodes;
using PaperBot.Slack.Endpoints;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class SlowCommandTests
{
    [Fact]
    public async Task An_answer_slower_than_slacks_three_seconds_is_acknowledged_then_sent_to_the_response_url()
    {
        GatedArchive? gated = null;
        var clock = new WatchedClock(DateTimeOffset.UtcNow); // the signature check compares with the signing time
        await using var host = await SlackBotHost.StartAsync(wrapArchive: archive => gated = new GatedArchive(archive), time: clock);

        var answering = host.CommandAsync("today", host.ResponseUrls.UrlFor("slow").ToString());
        var budget = await clock.NextWaitAsync();
        Assert.Equal(SlackCommandsEndpoint.AnswerBudget, budget);
        clock.Advance(budget);
        var response = await answering; // while the archive is still closed

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());

        gated!.Open();
        var followUp = Assert.Single(await host.ResponseUrls.WaitForAsync(1));
        Assert.Equal("ephemeral", followUp.Body["response_type"]!.GetValue<string>());
        Assert.Contains("Papers of 2026-01-08", string.Join("\n", SlackCall.Strings(followUp.Body)));
    }
}
