using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using PaperBot.Slack.Tests.Fakes;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class SlowCommandTests
{
    [Fact]
    public async Task An_answer_slower_than_slacks_three_seconds_is_acknowledged_then_sent_to_the_response_url()
    {
        await using var host = await SlackBotHost.StartAsync(wrapArchive: archive => new SlowArchive(archive, TimeSpan.FromSeconds(3)));
        var stopwatch = Stopwatch.StartNew();

        var response = await host.CommandAsync("today", host.ResponseUrls.UrlFor("slow").ToString());

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.8), $"acknowledged after {stopwatch.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());

        var followUp = Assert.Single(await host.ResponseUrls.WaitForAsync(1));
        Assert.Equal("ephemeral", followUp.Body["response_type"]!.GetValue<string>());
        Assert.Contains("Papers of 2026-01-08", string.Join("\n", SlackCall.Strings(followUp.Body)));
    }
}
