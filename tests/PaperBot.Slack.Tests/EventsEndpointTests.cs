using PaperBot.Core.Delivery;
using System.Net;
using System.Text.Json.Nodes;
using PaperBot.Core.Domain;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class EventsEndpointTests : IAsyncLifetime
{
    private const string PaperThreadTs = "1700000000.000042";
    private SlackBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackBotHost.StartAsync();
        // Paper 2 of 2026-01-08 was posted as message PaperThreadTs in C123ABC456, its thread replies in.
        await _host.Archive.Record.PostedAsync(new DeliveryKey("slack", "C123ABC456", SampleEditions.LatestDate), ItemKey.Card(2), PaperThreadTs);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static JsonNode Example(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SlackSpecs.SlackSpecsFolder, "examples", file)))!;

    private static string Mention(string text, string? threadTs, string eventId = "Ev123ABC457", string? botId = null)
    {
        var envelope = Example("app_mention_in_thread_event_callback.derived.json");
        envelope["event_id"] = eventId;
        envelope["event"]!["text"] = "<@U0LAN0Z89> " + text;
        if (threadTs is null)
            envelope["event"]!.AsObject().Remove("thread_ts");
        else
            envelope["event"]!["thread_ts"] = threadTs;
        if (botId is not null)
            envelope["event"]!["bot_id"] = botId;
        return envelope.ToJsonString();
    }

    private Task<HttpResponseMessage> Send(string json, int? retryNum = null, SlackBotHost? host = null)
    {
        var request = SlackSigner.Request("/slack/events", json, "application/json", SlackBotHost.Secret);
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString());
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return (host ?? _host).Client.SendAsync(request);
    }

    [Theory]
    [InlineData("url_verification.docs.json")]
    [InlineData("url_verification.json")]
    public async Task Url_verification_is_answered_with_the_challenge(string file)
    {
        var body = Example(file);
        var response = await Send(body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(body["challenge"]!.GetValue<string>(), reply["challenge"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("abstract", "우리는 개방형 체화 환경에서의 지속적인 기술 습득을 연구합니다.")]
    [InlineData("points", "MineDojo와 Crafter에서 실험했다.")]
    public async Task A_mention_in_a_papers_thread_is_answered_in_that_thread_about_that_paper(string text, string expected)
    {
        var response = await Send(Mention(text, PaperThreadTs));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var post = Assert.Single(await _host.Slack.WaitForPostsAsync(1));
        Assert.Equal("C123ABC456", post.Channel);
        Assert.Equal(PaperThreadTs, post.ThreadTs);
        Assert.Contains(expected, post.AllText);
        Assert.Equal("Bearer " + SlackBotHost.Token, post.Authorization);
        SlackSpecs.AssertValidPostMessage(post.Body);
    }

    [Fact]
    public async Task A_question_in_a_papers_thread_searches()
    {
        await Send(Mention("diffusion world models", PaperThreadTs));
        var post = Assert.Single(await _host.Slack.WaitForPostsAsync(1));
        Assert.Equal(PaperThreadTs, post.ThreadTs);
        Assert.Contains("Scaling Diffusion World Models", post.AllText);
    }

    [Fact]
    public async Task A_mention_outside_a_paper_thread_is_answered_in_the_thread_of_the_mention()
    {
        var envelope = Example("app_mention_event_callback.json");
        envelope["event"]!["text"] = "<@U0LAN0Z89> today";
        await Send(envelope.ToJsonString());

        var post = Assert.Single(await _host.Slack.WaitForPostsAsync(1));
        Assert.Equal("1515449522.000016", post.ThreadTs);
        Assert.Contains("Papers of 2026-01-08", post.AllText);
    }

    [Fact]
    public async Task Points_outside_a_paper_thread_asks_which_paper()
    {
        await Send(Mention("points", threadTs: null));
        var post = Assert.Single(await _host.Slack.WaitForPostsAsync(1));
        Assert.Contains("Which paper?", post.AllText);
    }

    [Fact]
    public async Task A_retried_event_and_a_repeated_event_id_are_answered_once()
    {
        // The endpoint decides before it answers 200 whether an event is work; here the work stays queued to be counted.
        await using var host = await SlackBotHost.StartAsync(processWork: false);
        await host.Archive.Record.PostedAsync(new DeliveryKey("slack", "C123ABC456", SampleEditions.LatestDate), ItemKey.Card(2), PaperThreadTs);
        var mention = Mention("abstract", PaperThreadTs, eventId: "EvOnce");
        Assert.Equal(HttpStatusCode.OK, (await Send(mention, host: host)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(mention, retryNum: 1, host: host)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(mention, host: host)).StatusCode);

        var work = Assert.Single(host.TakeQueuedWork());
        await host.RunAsync(work);
        var post = Assert.Single(host.Slack.Posts);
        Assert.Equal(PaperThreadTs, post.ThreadTs);
    }

    [Fact]
    public async Task An_event_from_a_bot_is_ignored()
    {
        await using var host = await SlackBotHost.StartAsync(processWork: false);
        Assert.Equal(HttpStatusCode.OK, (await Send(Mention("abstract", PaperThreadTs, botId: "B0PAPERBOT"), host: host)).StatusCode);
        Assert.Empty(host.TakeQueuedWork());
        Assert.Empty(host.Slack.Calls);
    }
}
