using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Slack.WebApi;
using PaperBot.Testing;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class PublishingTests : IAsyncLifetime
{
    private const string Channel = "C0PAPERS1";
    private const string OtherChannel = "C0PAPERS2";
    private FakeSlackApi _slack = null!;
    private ServiceProvider _services = null!;
    private readonly InMemoryArchive _ledger = SampleEditions.Archive();
    private readonly InstantDelays _delays = new();

    private IEditionPublisher Publisher => _services.GetRequiredService<IEditionPublisher>();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _services = BuildServices(_delays);
    }

    private ServiceProvider BuildServices(ISlackDelays delays, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Slack:BotToken"] = "xoxb-publish",
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
            ["Slack:Channels:0"] = Channel,
            ["Slack:Channels:1"] = OtherChannel,
            ["Digests:ImageBaseUrl"] = "https://digests.example.org/2026/",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IEditionArchive>(_ledger)
            .AddSingleton<IDeliveryLedger>(_ledger)
            .AddSingleton<PapersService>()
            .AddSingleton(delays)
            .AddSingleton(time ?? TimeProvider.System)
            .AddPaperBotSlack(configuration)
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static int RepliesFor(Paper paper) =>
        Slack.Rendering.EditionCards.ThreadReplies(paper, Core.Rendering.ArchiveLinks.None.ContinuationOf(SampleEditions.LatestDate, paper)).Count;

    private static int ExpectedPosts(Edition edition) => 1 + edition.Papers.Sum(p => 1 + RepliesFor(p));

    [Fact]
    public async Task An_edition_is_posted_as_a_header_then_a_card_per_paper_with_its_thread()
    {
        var edition = SampleEditions.Latest;
        var result = await Publisher.PublishAsync(edition, Channel, _ledger);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1 + edition.Papers.Count, result.Value.MessagesPosted);
        Assert.Equal(edition.Papers.Count, result.Value.ThreadsStarted);
        var posts = _slack.Posts;
        Assert.Equal(ExpectedPosts(edition), posts.Count);
        Assert.All(posts, p => SlackSpecs.AssertValidPostMessage(p.Body));
        Assert.All(posts, p => Assert.Equal("Bearer xoxb-publish", p.Authorization));
        Assert.All(posts, p => Assert.StartsWith("application/json", p.ContentType));

        Assert.Null(posts[0].ThreadTs);
        Assert.Contains("2026-01-08", posts[0].AllText);

        var cards = posts.Where(p => p.ThreadTs is null).Skip(1).ToList();
        Assert.Equal(edition.Papers.Count, cards.Count);
        foreach (var (card, paper) in cards.Zip(edition.Papers))
        {
            Assert.Equal(["header", "section", "context", "actions"], card.Body["blocks"]!.AsArray().Select(b => b!["type"]!.GetValue<string>()));
            Assert.False(card.Body["unfurl_links"]!.GetValue<bool>());
            Assert.False(card.Body["unfurl_media"]!.GetValue<bool>());
            Assert.Equal("paperbot_paper", card.Body["metadata"]!["event_type"]!.GetValue<string>());
            Assert.Equal(paper.Rank, card.Body["metadata"]!["event_payload"]!["rank"]!.GetValue<int>());
            Assert.Equal(paper.ArxivId, card.Body["metadata"]!["event_payload"]!["arxiv_id"]!.GetValue<string>());
            Assert.Equal($"https://digests.example.org/2026/images/{paper.ArxivId}_img.jpg",
                card.Body["blocks"]![1]!["accessory"]!["image_url"]!.GetValue<string>());
            var buttons = card.Body["blocks"]![3]!["elements"]!.AsArray();
            Assert.Equal(["Key points", "Abstract", "Open paper"], buttons.Select(b => b!["text"]!["text"]!.GetValue<string>()));
            Assert.Equal(paper.Url, buttons[2]!["url"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Each_papers_thread_gets_its_whole_abstract_and_key_points_under_that_papers_ts()
    {
        await Publisher.PublishAsync(SampleEditions.Latest, Channel, _ledger);
        var posts = _slack.Posts;
        var long3 = SampleEditions.Latest.PaperAtRank(3)!;
        var card3 = posts.Single(p => p.ThreadTs is null && p.Body["metadata"]?["event_payload"]?["rank"]?.GetValue<int>() == 3);
        var replies = posts.Where(p => p.ThreadTs == card3.Ts).ToList();

        Assert.True(replies.Count >= 2);
        var text = string.Join("\n", replies.Select(r => r.AllText));
        Assert.Contains("Paragraph 12.", text);
        Assert.Contains("Key point 12 with a <https://example.org/12|link>", text);
        Assert.DoesNotContain("<!channel>", string.Join("\n", posts.Select(p => p.AllText)));
        Assert.All(_ledger.Deliveries.Where(d => !d.IsHeader), d => Assert.Equal(d.MessageId, d.ThreadId));
        Assert.Equal(long3.Rank, (await _ledger.FindByMessageOrThreadAsync("slack", card3.Ts!))!.Rank);
    }

    [Fact]
    public async Task Running_again_posts_nothing()
    {
        await Publisher.PublishAsync(SampleEditions.Latest, Channel, _ledger);
        var before = _slack.Calls.Count;

        var again = await Publisher.PublishAsync(SampleEditions.Latest, Channel, _ledger);

        Assert.True(again.Value.AlreadyComplete);
        Assert.Equal(before, _slack.Calls.Count);
    }

    [Fact]
    public async Task A_run_that_failed_midway_resumes_without_repeating_anything()
    {
        var edition = SampleEditions.Latest;
        _slack.Refuse(Channel, "is_archived");
        await _ledger.RecordAsync(new Delivery("slack", Channel, edition.Date, 0, "1600000000.000001", null, DateTimeOffset.UtcNow));
        // Simulate: header and paper 1 (with thread) done, paper 2 posted but its thread not yet.
        await _ledger.RecordAsync(new Delivery("slack", Channel, edition.Date, 1, "1600000000.000002", "1600000000.000002", DateTimeOffset.UtcNow));
        await _ledger.RecordAsync(new Delivery("slack", Channel, edition.Date, 2, "1600000000.000003", null, DateTimeOffset.UtcNow));
        var failed = await Publisher.PublishAsync(edition, Channel, _ledger);
        Assert.False(failed.IsSuccess);
        Assert.Contains("is_archived", failed.Problem!.Message);

        _slack.AcceptAgain(Channel);
        var resumed = await Publisher.PublishAsync(edition, Channel, _ledger);

        Assert.True(resumed.IsSuccess, resumed.ToString());
        var posts = _slack.Posts;
        Assert.DoesNotContain(posts, p => p.ThreadTs is null && p.Body["metadata"] is null); // no second header
        Assert.DoesNotContain(posts, p => p.ThreadTs == "1600000000.000002");               // paper 1's thread untouched
        Assert.Equal(RepliesFor(edition.PaperAtRank(2)!), posts.Count(p => p.ThreadTs == "1600000000.000003"));
        Assert.Equal(edition.Papers.Count - 2, posts.Count(p => p.ThreadTs is null));
        Assert.Equal(edition.Papers.Count - 2, resumed.Value.MessagesPosted);
    }

    [Fact]
    public async Task A_rate_limited_call_waits_for_retry_after_and_then_succeeds()
    {
        _slack.RateLimitNext(2);
        var result = await Publisher.PublishAsync(SampleEditions.Earlier, Channel, _ledger);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(ExpectedPosts(SampleEditions.Earlier), _slack.Posts.Count);
        Assert.Equal(2, _delays.Requested.Count(d => d == TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_transient_slack_error_is_retried_with_backoff()
    {
        _slack.FailNext(2);
        var result = await Publisher.PublishAsync(SampleEditions.Earlier, Channel, _ledger);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(ExpectedPosts(SampleEditions.Earlier), _slack.Posts.Count);
    }

    [Fact]
    public async Task A_failing_channel_is_reported_and_the_other_channel_still_gets_everything()
    {
        _slack.Refuse(Channel, "channel_not_found");
        var results = new List<PaperBot.Core.Results.Result<PaperBot.Core.Ports.ChannelDelivery>>();
        foreach (var channel in Publisher.Channels)
            results.Add(await Publisher.PublishAsync(SampleEditions.Earlier, channel, _ledger));

        Assert.False(results[0].IsSuccess);
        Assert.Contains("channel_not_found", results[0].Problem!.Message);
        Assert.Contains(Channel, results[0].Problem!.Message);
        Assert.True(results[1].IsSuccess);
        Assert.Equal(ExpectedPosts(SampleEditions.Earlier), _slack.Posts.Count(p => p.Channel == OtherChannel));
        Assert.Empty(await _ledger.GetDeliveriesAsync("slack", Channel, SampleEditions.EarlierDate));
    }

    [Fact]
    public async Task Messages_to_one_channel_are_paced_one_per_second()
    {
        var clock = new FakeTimeProvider();
        var delays = new InstantDelays(clock);
        await using var services = BuildServices(delays, clock);

        await services.GetRequiredService<IEditionPublisher>().PublishAsync(SampleEditions.Earlier, Channel, _ledger);

        // Each wait moves the fake clock on as a real one would: every post after the first waits one interval.
        var waits = delays.Requested.Where(d => d > TimeSpan.Zero).ToList();
        Assert.Equal(ExpectedPosts(SampleEditions.Earlier) - 1, waits.Count);
        Assert.All(waits, wait => Assert.Equal(ChannelPacer.Interval, wait));
    }

    [Fact]
    public void A_dry_run_renders_the_request_bodies_without_sending()
    {
        var bodies = Publisher.RenderRequests(SampleEditions.Latest, Channel);

        Assert.Equal(ExpectedPosts(SampleEditions.Latest), bodies.Count);
        Assert.All(bodies, b => SlackSpecs.AssertValidPostMessage(JsonNode.Parse(b)!.AsObject()));
        Assert.Contains("망각", bodies[1]);
        Assert.Empty(_slack.Calls);
    }
}
