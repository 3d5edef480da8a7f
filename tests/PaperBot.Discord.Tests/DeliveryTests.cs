using System.Text.Json;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Results;
using PaperBot.Discord.Delivery;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

/// <summary>Core's planner delivering through the Discord platform to the fake over HTTP: each item once, in order, whatever Discord does.</summary>
public sealed class DeliveryTests
{
    private const string ChannelA = DiscordServices.ChannelA;
    private const string ChannelB = DiscordServices.ChannelB;
    private static readonly Edition Edition = SampleEditions.Latest;

    [Fact]
    public async Task A_full_edition_is_the_header_then_each_card_with_its_thread_and_abstract_exactly_once()
    {
        await using var rig = await DeliveryRig.StartAsync();

        var outcome = await rig.DeliverAsync(Edition, ChannelA);

        var delivered = Assert.IsType<ChannelOutcome.Delivered>(outcome);
        Assert.Equal(DeliveryRig.RequestsFor(Edition), delivered.Sent);
        rig.AssertDeliveredOnce(Edition, ChannelA);
        Assert.True(DeliveryRig.ThreadAbstract(SampleEditions.LatestDate, Edition.Papers[2]).Count > 1, "the long abstract is split over several replies");
        var creates = rig.Discord.To("create_message");
        Assert.All(creates, r =>
        {
            Assert.True(r.Body.GetProperty("enforce_nonce").GetBoolean());
            Assert.Equal(DeliveryNonce.Length, r.Body.GetProperty("nonce").GetString()!.Length);
        });
        Assert.Equal(creates.Count, creates.Select(r => r.Body.GetProperty("nonce").GetString()).Distinct().Count());
        // Strictly in order: a card's thread and its replies come before the next card.
        var order = rig.Discord.Requests.Select(r => r.OperationId == "create_thread_from_message" ? "T" : r.ChannelId == ChannelA ? "C" : "R").ToList();
        Assert.Equal("C" + string.Concat(Edition.Papers.Select(p => "CT" + new string('R', DeliveryRig.ThreadAbstract(SampleEditions.LatestDate, p).Count))), string.Concat(order));
    }

    [Fact]
    public async Task A_second_run_sends_nothing()
    {
        await using var rig = await DeliveryRig.StartAsync();
        await rig.DeliverAsync(Edition, ChannelA);
        var before = rig.Discord.Requests.Count;

        var again = await rig.DeliverAsync(Edition, ChannelA);

        Assert.True(Assert.IsType<ChannelOutcome.Delivered>(again).NothingToDo);
        Assert.Equal(before, rig.Discord.Requests.Count);
        rig.AssertDeliveredOnce(Edition, ChannelA);
    }

    [Fact]
    public async Task Answers_lost_after_Discord_acted_are_retried_with_the_same_nonce_and_nothing_is_posted_twice()
    {
        await using var rig = await DeliveryRig.StartAsync(timings: new DiscordRestTimings
        {
            // Room for a loaded CI machine: only the held answer (3 s) may time out, never an ordinary one.
            BackoffBase = TimeSpan.FromMilliseconds(10), BackoffCap = TimeSpan.FromMilliseconds(40), RequestTimeout = TimeSpan.FromMilliseconds(1200),
        });
        var faulted = new HashSet<string>();
        // The first attempts of the header and of card 1: their retries go through.
        rig.Discord.FailAfterCreating(r => r.OperationId == "create_message" && r.ChannelId == ChannelA && faulted.Count < 2 &&
                                           faulted.Add(r.Body.GetProperty("nonce").GetString()!), 500, count: 2);
        rig.Discord.FailAfterCreating(r => r.OperationId == "create_thread_from_message", 502);
        rig.Discord.TimeoutAfterCreating(r => r.OperationId == "create_message" && r.ChannelId != ChannelA, TimeSpan.FromSeconds(3));
        rig.Discord.FailNext(r => r.OperationId == "create_message" && r.Body.GetProperty("nonce").GetString() == DeliveryNonce.For(Key(ChannelA), ItemKey.Card(4)),
            FakeFault.ServerError(503));

        var outcome = await rig.DeliverAsync(Edition, ChannelA);

        Assert.IsType<ChannelOutcome.Delivered>(outcome);
        rig.AssertDeliveredOnce(Edition, ChannelA);
        Assert.Equal(3, rig.Discord.DeduplicatedSends); // two 500s after creating, one timeout after creating
        var creates = rig.Discord.To("create_message");
        Assert.Equal(DeliveryRig.RequestsFor(Edition) - Edition.Papers.Count + 4, creates.Count);
        Assert.Equal(creates.Count - 4, creates.Select(r => r.Body.GetProperty("nonce").GetString()).Distinct().Count());
        Assert.Equal(Edition.Papers.Count + 1, rig.Discord.To("create_thread_from_message").Count); // the retry got 160004, taken as success
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Through_a_429_storm_every_item_arrives_once_in_order(bool global)
    {
        await using var rig = await DeliveryRig.StartAsync();
        // At most as many 429s as one request honours, wherever they land.
        rig.Discord.RateLimitStorm(5, retryAfter: 0.05, global);

        var outcomes = await rig.DeliverAsync(Edition, ChannelA, ChannelB);

        Assert.All(outcomes, o => Assert.IsType<ChannelOutcome.Delivered>(o));
        rig.AssertDeliveredOnce(Edition, ChannelA);
        rig.AssertDeliveredOnce(Edition, ChannelB);
        Assert.Equal(5, rig.Discord.TooManyRequestsSent);
    }

    [Fact]
    public async Task A_channel_deleted_midway_fails_for_good_while_another_delivered_at_the_same_time_completes()
    {
        await using var rig = await DeliveryRig.StartAsync();
        rig.Discord.DeleteChannelAfter(ChannelA, messages: 3);

        var outcomes = await rig.DeliverAsync(Edition, ChannelA, ChannelB);

        var failed = Assert.IsType<ChannelOutcome.Failed>(outcomes[0]);
        var rejected = Assert.IsType<PlatformRejected>(failed.Problem);
        Assert.Contains("10003", rejected.Reason);
        Assert.Null(failed.RetryAt);
        var record = Assert.Single(await rig.Record.GetChannelHistoryAsync(new ChannelRef("discord", ChannelA), 5));
        Assert.Equal(DeliveryState.Failed, record.State);
        Assert.True(record.Permanent);
        Assert.IsType<ChannelOutcome.Delivered>(outcomes[1]);
        rig.AssertDeliveredOnce(Edition, ChannelB);
        Assert.Equal(3, rig.Discord.MessagesIn(ChannelA).Count);
    }

    [Fact]
    public async Task A_channel_the_bot_may_not_post_in_is_rejected_and_not_retried()
    {
        await using var rig = await DeliveryRig.StartAsync();
        rig.Discord.BreakChannel(ChannelA, FakeFault.MissingPermissions);

        var failed = Assert.IsType<ChannelOutcome.Failed>(await rig.DeliverAsync(Edition, ChannelA));

        Assert.IsType<PlatformRejected>(failed.Problem);
        Assert.Contains("50013", failed.Problem.Message);
        Assert.Single(rig.Discord.Requests);
    }

    [Fact]
    public async Task Discord_failing_on_every_attempt_is_unavailable_and_retried_later_with_a_bounded_number_of_attempts()
    {
        await using var rig = await DeliveryRig.StartAsync();
        for (var i = 0; i < 10; i++)
            rig.Discord.FailNext(_ => true, FakeFault.ServerError(500));

        var failed = Assert.IsType<ChannelOutcome.Failed>(await rig.DeliverAsync(Edition, ChannelA));

        Assert.IsType<PlatformUnavailable>(failed.Problem);
        Assert.NotNull(failed.RetryAt);
        Assert.Equal(DeliveryRig.QuickTimings.MaxAttempts, rig.Discord.Requests.Count);
        Assert.Empty(rig.Discord.MessagesIn(ChannelA));
    }

    [Fact]
    public async Task A_revised_edition_edits_what_changed_posts_the_added_paper_and_withdraws_the_dropped_one()
    {
        await using var rig = await DeliveryRig.StartAsync();
        await rig.DeliverAsync(Edition, ChannelA);
        var firstRequests = rig.Discord.Requests.Count;
        var papers = Edition.Papers;
        var revised = new Edition(Edition.Date,
        [
            papers[0] with { Title = papers[0].Title + " (v2)" },
            papers[1] with { Summary = "A corrected summary." },
            papers[2] with { Abstract = "A much shorter abstract now." },
            papers[3],
            SampleEditions.Paper(6, "A Paper Added by the Revision", "2601.07777", 9, "Added.", "Added abstract.", ["Added point."]),
        ]);

        var outcome = await rig.DeliverAsync(revised, ChannelA);

        var delivered = Assert.IsType<ChannelOutcome.Delivered>(outcome);
        Assert.Empty(rig.Discord.Violations);
        var after = rig.Discord.Requests.Skip(firstRequests).ToList();
        // Posted: only the added paper's card, thread and reply.
        Assert.Equal(3, delivered.Sent);
        Assert.Equal(2, after.Count(r => r.OperationId == "create_message"));
        Assert.Single(after, r => r.OperationId == "create_thread_from_message");
        // Edited: card 1 and its thread's name, card 2, paper 3's abstract (its first reply, the rest marked removed), card 5 withdrawn and its reply.
        var stale3 = DeliveryRig.ThreadAbstract(SampleEditions.LatestDate, papers[2]).Count - 1;
        Assert.Equal(1 + 1 + 1 + stale3 + 1 + DeliveryRig.ThreadAbstract(SampleEditions.LatestDate, papers[4]).Count, after.Count(r => r.OperationId == "update_message"));
        Assert.Single(after, r => r.OperationId == "update_channel");
        Assert.Equal(after.Count(r => r.OperationId is "update_message" or "update_channel"), delivered.Edited);

        var messages = rig.Discord.MessagesIn(ChannelA);
        Assert.Equal(7, messages.Count); // header, five original cards, the added one
        Assert.Equal(0, messages[0].Edits);
        Assert.Equal(EditionMessages.RankedTitle(revised.Papers[0]), messages[1].EmbedTitle);
        Assert.Equal("A corrected summary.", messages[2].EmbedDescription);
        Assert.Equal(0, messages[4].Edits);
        Assert.Contains("withdrawn", messages[5].EmbedTitle);
        Assert.Equal(0, messages[5].ButtonCount);
        Assert.Equal(EditionMessages.RankedTitle(revised.Papers[4]), messages[6].EmbedTitle);
        Assert.Equal(EditionMessages.Thread(revised.Papers[0]).Name, rig.Discord.ThreadOf(messages[1].Id)!.Name);
        var replies3 = rig.Discord.MessagesIn(messages[3].Id);
        Assert.Contains("A much shorter abstract now.", replies3[0].Content);
        Assert.All(replies3.Skip(1), r => Assert.Contains("removed", r.Content));
        Assert.All(rig.Discord.MessagesIn(messages[5].Id), r => Assert.Contains("removed", r.Content));
        Assert.Equal(DeliveryRig.ThreadAbstract(SampleEditions.LatestDate, revised.Papers[4]).Select(m => m.Content), rig.Discord.MessagesIn(messages[6].Id).Select(m => m.Content));

        var once = await rig.DeliverAsync(revised, ChannelA);
        Assert.True(Assert.IsType<ChannelOutcome.Delivered>(once).NothingToDo);
    }

    [Fact]
    public async Task Within_Discords_enforced_limits_the_client_is_never_refused()
    {
        var rules = new FakeRateLimitRules { PerChannelWindow = TimeSpan.FromSeconds(1) };
        await using var rig = await DeliveryRig.StartAsync(new FakeDiscordOptions { EnforceRateLimits = true, Rules = rules });
        var channels = Enumerable.Range(0, 8).Select(i => (1_100_000_000_000_000_100L + i).ToString()).ToArray();

        var outcomes = await rig.DeliverAsync(Edition, channels);

        Assert.All(outcomes, o => Assert.IsType<ChannelOutcome.Delivered>(o));
        foreach (var channel in channels)
            rig.AssertDeliveredOnce(Edition, channel);
        Assert.True(rig.Discord.GlobalRateLimitRefusals + rig.Discord.BucketRateLimitRefusals == 0, string.Join(", ", rig.Discord.RateLimitRefusals));
        Assert.InRange(rig.Discord.MaxArrivalsInOneSecond, 1, 50);
    }

    [Theory]
    [InlineData(HoldPoint.BeforeCreating, 2)]
    [InlineData(HoldPoint.AfterCreating, 3)]
    public async Task A_held_request_waits_for_the_test_and_the_delivery_then_completes_once(HoldPoint point, int messagesWhileHeld)
    {
        await using var rig = await DeliveryRig.StartAsync();
        var card2 = DeliveryNonce.For(Key(ChannelA), ItemKey.Card(2));
        var held = rig.Discord.Hold(r => r.OperationId == "create_message" && r.Body.GetProperty("nonce").GetString() == card2, point);

        var delivery = rig.DeliverAsync(Edition, ChannelA);
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(messagesWhileHeld, rig.Discord.MessagesIn(ChannelA).Count);
        Assert.False(delivery.IsCompleted);
        held.Release();
        Assert.IsType<ChannelOutcome.Delivered>(await delivery);
        rig.AssertDeliveredOnce(Edition, ChannelA);
    }

    [Fact]
    public async Task The_dry_run_description_is_the_body_as_sent_nonce_included()
    {
        await using var rig = await DeliveryRig.StartAsync();
        var rendered = RenderedEditions.Render(rig.Platform, Edition);
        var key = Key(ChannelA);

        var described = rendered.Items.Select(item => rig.Platform.DescribeRequest(key, item, item.Key.Kind == ItemKind.Header ? null : "(id of card 1)")).ToList();
        await rig.DeliverAsync(Edition, ChannelA);

        var sent = rig.Discord.Requests.Select(r => r.Body.GetRawText()).ToList();
        Assert.Equal(sent.Count, described.Count);
        for (var i = 0; i < sent.Count; i++)
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(sent[i]).RootElement, JsonDocument.Parse(described[i]).RootElement), $"{described[i]}\n{sent[i]}");
    }

    [Fact]
    public async Task Content_hashes_are_channel_neutral_and_change_exactly_with_the_content()
    {
        await using var rig = await DeliveryRig.StartAsync();
        var platform = rig.Platform;
        var first = platform.Render(Edition);
        var again = platform.Render(Edition);
        var changed = platform.Render(Edition with { Papers = [Edition.Papers[0] with { Summary = "Other." }, .. Edition.Papers.Skip(1)] });

        Assert.Equal(first.Select(i => i.ContentHash), again.Select(i => i.ContentHash));
        var differing = first.Zip(changed).Where(p => p.First.ContentHash != p.Second.ContentHash).Select(p => p.First.Key).ToList();
        Assert.Equal([ItemKey.Card(1)], differing);
    }

    private static DeliveryKey Key(string channel) => new("discord", channel, Edition.Date);
}
