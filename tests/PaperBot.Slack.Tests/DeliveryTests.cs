using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests;

/// <summary>Core's delivery planner with the Slack platform, against the fake Slack over loopback HTTP.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private SlackDelivery _delivery = null!;

    private FakeSlackApi Slack => _delivery.Slack;

    public async Task InitializeAsync() => _delivery = await SlackDelivery.StartAsync();

    public async Task DisposeAsync() => await _delivery.DisposeAsync();

    private IReadOnlyList<string> Expected(Edition edition) => _delivery.Render(edition).Items.Select(i => i.Key.Id).ToList();

    private void AssertDeliveredOnce(Edition edition, string channel = SlackDelivery.Channel)
    {
        Assert.Equal(Expected(edition), Slack.ItemsIn(channel));
        Assert.All(Slack.AllMessagesIn(channel), m => Assert.Equal(EditionDateText(edition), m.Date));
        Assert.Empty(Slack.SpecViolations);
    }

    private static string EditionDateText(Edition edition) => edition.Date.ToString("yyyy-MM-dd");

    private async Task AssertRecordMatchesSlackAsync(Edition edition, string channel = SlackDelivery.Channel)
    {
        var recorded = await _delivery.Record.GetItemsAsync(SlackDelivery.Key(edition, channel));
        var byItem = Slack.AllMessagesIn(channel).ToDictionary(m => m.Item!, m => m.Ts);
        Assert.All(recorded, r => Assert.Equal(byItem[r.Item.Id], r.PlatformId));
        Assert.Equal(byItem.Count, recorded.Count(r => r.IsSent));
    }

    [Fact]
    public async Task An_edition_is_a_header_then_each_card_with_its_replies_under_it_once_and_in_order()
    {
        var outcome = await _delivery.DeliverAsync(SampleEditions.Latest);

        var delivered = Assert.IsType<ChannelOutcome.Delivered>(outcome);
        Assert.Equal(Expected(SampleEditions.Latest).Count, delivered.Sent);
        AssertDeliveredOnce(SampleEditions.Latest);
        await AssertRecordMatchesSlackAsync(SampleEditions.Latest);

        var top = Slack.MessagesIn(SlackDelivery.Channel);
        Assert.Equal("header", top[0].Item);
        foreach (var (card, paper) in top.Skip(1).Zip(SampleEditions.Latest.Papers))
        {
            Assert.Equal(EditionCardsEventType, card.EventType);
            Assert.Equal(paper.Rank, card.Metadata!["event_payload"]!["rank"]!.GetValue<int>());
            Assert.Equal(paper.ArxivId, card.Metadata!["event_payload"]!["arxiv_id"]!.GetValue<string>());
            Assert.Equal($"https://digests.example.org/2026/images/{paper.ArxivId}_img.jpg", card.Blocks![1]!["accessory"]!["image_url"]!.GetValue<string>());
            Assert.All(Slack.RepliesTo(SlackDelivery.Channel, card.Ts), reply => Assert.Equal(EditionCardsEventType, reply.EventType));
        }
        Assert.Contains("Paragraph 12.", string.Join("\n", Slack.RepliesTo(SlackDelivery.Channel, top[3].Ts).Select(r => r.AllText)));
        Assert.All(Slack.Posts, p => Assert.Equal("Bearer " + SlackBotHost.Token, p.Authorization));
        Assert.All(Slack.Posts, p => Assert.StartsWith("application/json", p.ContentType));
    }

    private const string EditionCardsEventType = Rendering.EditionCards.MetadataEventType;

    [Fact]
    public async Task A_second_run_sends_nothing()
    {
        await _delivery.DeliverAsync(SampleEditions.Latest);
        var calls = Slack.Calls.Count;

        var again = Assert.IsType<ChannelOutcome.Delivered>(await _delivery.DeliverAsync(SampleEditions.Latest, sender: "sender-b"));

        Assert.True(again.NothingToDo);
        Assert.Equal(calls, Slack.Calls.Count);
    }

    [Theory]
    [InlineData(SlackFault.ServerErrorAfterPosting)]
    [InlineData(SlackFault.ServerErrorBeforePosting)]
    [InlineData(SlackFault.InternalError)]
    public async Task A_post_that_failed_with_a_server_error_is_looked_for_before_it_is_sent_again(SlackFault fault)
    {
        Slack.Inject(fault, when: c => c.Item == "header");
        Slack.Inject(fault, when: c => c.Item == "card:1");
        Slack.Inject(fault, count: 2, when: c => c.Item == "reply:1:0");

        Assert.IsType<ChannelOutcome.Delivered>(await _delivery.DeliverAsync(SampleEditions.Latest));

        AssertDeliveredOnce(SampleEditions.Latest);
        await AssertRecordMatchesSlackAsync(SampleEditions.Latest);
        Assert.Equal(2, Slack.CallCount("conversations.history"));   // the header and card 1, each looked for once
        // Reply 1:0 is looked for after each failure: found after the first when Slack had posted it, else posted on the third try.
        Assert.Equal(fault == SlackFault.ServerErrorAfterPosting ? 1 : 2, Slack.CallCount("conversations.replies"));
    }

    [Fact]
    public async Task A_post_that_timed_out_after_slack_posted_it_is_found_by_its_metadata_not_posted_again()
    {
        await using var delivery = await SlackDelivery.StartAsync(requestTimeout: TimeSpan.FromSeconds(1));
        // A first request to a cold server can take longer than the client's second; only the injected timeouts are under test.
        await delivery.Platform.FindUnrecordedAsync(SlackDelivery.Key(SampleEditions.Earlier, SlackDelivery.OtherChannel),
            delivery.Render(SampleEditions.Earlier).Items[0], null, delivery.Time.GetUtcNow(), default);
        delivery.Slack.Inject(SlackFault.TimeoutAfterPosting, when: c => c.Item == "header");
        delivery.Slack.Inject(SlackFault.TimeoutAfterPosting, when: c => c.Item == "card:2");
        delivery.Slack.Inject(SlackFault.TimeoutAfterPosting, when: c => c.Item == "reply:3:0");

        Assert.IsType<ChannelOutcome.Delivered>(await delivery.DeliverAsync(SampleEditions.Earlier));

        Assert.Equal(delivery.Render(SampleEditions.Earlier).Items.Select(i => i.Key.Id), delivery.Slack.ItemsIn(SlackDelivery.Channel));
        // Each timed-out post was looked for (on a busy machine another request may time out too, and is looked for as well).
        Assert.True(delivery.Slack.CallCount("conversations.history") >= 1 + 2);
        Assert.True(delivery.Slack.CallCount("conversations.replies") >= 1);
        Assert.Empty(delivery.Slack.SpecViolations);
    }

    [Fact]
    public async Task A_429_storm_is_waited_out_as_slack_asks_and_everything_arrives_once_in_order()
    {
        Slack.RateLimitNext(9);

        Assert.IsType<ChannelOutcome.Delivered>(await _delivery.DeliverAsync(SampleEditions.Latest));

        AssertDeliveredOnce(SampleEditions.Latest);
        Assert.Equal(9, Slack.RateLimitedResponses);
        Assert.True(_delivery.Delays.Requested.Count(d => d >= TimeSpan.FromSeconds(1) && d <= TimeSpan.FromSeconds(1.1)) >= 9);
    }

    [Fact]
    public async Task Ok_false_ratelimited_is_waited_out_too()
    {
        Slack.Inject(SlackFault.RatelimitedError, count: 9, method: null);

        Assert.IsType<ChannelOutcome.Delivered>(await _delivery.DeliverAsync(SampleEditions.Latest));

        AssertDeliveredOnce(SampleEditions.Latest);
        Assert.Equal(9, Slack.RatelimitedErrors);
    }

    [Fact]
    public async Task A_storm_longer_than_the_clients_patience_fails_for_now_and_the_next_attempt_completes_without_repeats()
    {
        Slack.RateLimitNext(60);
        _delivery.Options.MaxAttemptsPerEdition = 50;
        var outcomes = new List<ChannelOutcome>();
        var channels = new[] { SlackDelivery.Channel, SlackDelivery.OtherChannel }.ToList();
        for (var attempt = 0; attempt < 20 && channels.Count > 0; attempt++)
        {
            var round = await Task.WhenAll(channels.Select(c => _delivery.DeliverAsync(SampleEditions.Latest, c)));
            outcomes.AddRange(round);
            channels = round.Where(o => o is not ChannelOutcome.Delivered).Select(o => o.Key.Channel).ToList();
        }

        var failed = outcomes.OfType<ChannelOutcome.Failed>().ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, f => Assert.IsType<PlatformUnavailable>(f.Problem));
        Assert.All(failed, f => Assert.NotNull(f.RetryAt));
        AssertDeliveredOnce(SampleEditions.Latest);
        AssertDeliveredOnce(SampleEditions.Latest, SlackDelivery.OtherChannel);
    }

    [Fact]
    public async Task A_channel_deleted_midway_fails_for_good_while_another_channel_completes()
    {
        Slack.DeleteChannelAfterPosts(SlackDelivery.Channel, 4);

        var outcomes = await Task.WhenAll(
            _delivery.DeliverAsync(SampleEditions.Latest), _delivery.DeliverAsync(SampleEditions.Latest, SlackDelivery.OtherChannel));

        var failed = Assert.IsType<ChannelOutcome.Failed>(outcomes[0]);
        var rejected = Assert.IsType<PlatformRejected>(failed.Problem);
        Assert.Contains("channel_not_found", rejected.Message);
        Assert.Null(failed.RetryAt);
        Assert.Equal(4, failed.Sent);
        var record = Assert.Single(await _delivery.Record.GetChannelHistoryAsync(new ChannelRef("slack", SlackDelivery.Channel), 5));
        Assert.Equal(DeliveryState.Failed, record.State);
        Assert.True(record.Permanent);
        Assert.Contains("channel_not_found", record.LastError);

        Assert.IsType<ChannelOutcome.Delivered>(outcomes[1]);
        AssertDeliveredOnce(SampleEditions.Latest, SlackDelivery.OtherChannel);
    }

    /// <summary>
    /// A sender that walked the edition in order up to <paramref name="last"/>, recording each item, and then stopped dead:
    /// <paramref name="last"/> was claimed and (when <paramref name="lastWasPosted"/>) posted, its ts never written down.
    /// </summary>
    private async Task CrashAfterAsync(Edition edition, ItemKey last, bool lastWasPosted)
    {
        var rendered = _delivery.Render(edition);
        var key = SlackDelivery.Key(edition);
        var now = _delivery.Time.GetUtcNow();
        Assert.NotNull(await _delivery.Record.TryLeaseAsync(key, "crashed", rendered.EditionFingerprint, now, now + _delivery.Options.Lease));
        var ids = new Dictionary<ItemKey, string>();
        foreach (var item in rendered.Items.TakeWhile(i => i.Key.CompareTo(last) <= 0))
        {
            Assert.IsType<ItemClaim.Granted>(await _delivery.Record.ClaimItemAsync(key, item.Key, "crashed", now));
            if (item.Key == last && !lastWasPosted)
                break;
            var sent = item.Key.Kind switch
            {
                ItemKind.Header => await _delivery.Platform.SendHeaderAsync(key, item, default),
                ItemKind.Card => await _delivery.Platform.SendCardAsync(key, item, default),
                _ => await _delivery.Platform.SendReplyAsync(key, item, ids[ItemKey.Card(item.Key.Rank)], default),
            };
            ids[item.Key] = sent.Value;
            if (item.Key != last)
                await _delivery.Record.MarkItemSentAsync(key, item.Key, sent.Value, item.ContentHash, now);
        }
        _delivery.Time.Advance(_delivery.Options.Lease + TimeSpan.FromSeconds(1)); // the dead sender's lease runs out
    }

    [Theory]
    [InlineData("header", true)]
    [InlineData("card:2", true)]
    [InlineData("reply:2:1", true)]
    [InlineData("card:3", false)]
    [InlineData("reply:3:0", false)]
    public async Task After_a_crash_a_claim_without_a_ts_is_found_by_metadata_and_the_rest_is_posted_once(string lastItem, bool lastWasPosted)
    {
        var edition = SampleEditions.Latest;
        var last = ItemKey.Parse(lastItem);
        await CrashAfterAsync(edition, last, lastWasPosted);
        var postedBefore = Slack.AllMessagesIn(SlackDelivery.Channel).Count;

        var resumed = Assert.IsType<ChannelOutcome.Delivered>(await _delivery.DeliverAsync(edition, sender: "sender-b"));

        AssertDeliveredOnce(edition);
        await AssertRecordMatchesSlackAsync(edition);
        Assert.Equal(Expected(edition).Count - postedBefore, resumed.Sent);
        Assert.Equal(last.Kind == ItemKind.Reply ? 0 : 1, Slack.CallCount("conversations.history"));
        Assert.Equal(last.Kind == ItemKind.Reply ? 1 : 0, Slack.CallCount("conversations.replies"));
    }

    [Fact]
    public async Task A_revised_edition_edits_only_what_changed_posts_the_new_paper_and_withdraws_the_dropped_one()
    {
        var original = SampleEditions.Latest;
        await _delivery.DeliverAsync(original);
        var before = Slack.AllMessagesIn(SlackDelivery.Channel).ToDictionary(m => m.Item!);
        var postsBefore = Slack.CallCount("chat.postMessage");

        var newPaper = SampleEditions.Paper(6, "A Paper Added by the Revision", "2601.07777", 9, "Added.", "Added abstract.", ["Added point."]);
        var revised = original with
        {
            Papers = [original.Papers[0] with { Summary = "A corrected summary." }, .. original.Papers.Skip(1).Take(3), newPaper],
        };
        var outcome = Assert.IsType<ChannelOutcome.Delivered>(await _delivery.DeliverAsync(revised));

        var replies5 = before.Keys.Count(k => k.StartsWith("reply:5:", StringComparison.Ordinal));
        Assert.Equal(1 + 1 + replies5, outcome.Edited);                              // card 1, card 5 withdrawn, its replies
        Assert.Equal(1 + 1 + 1, outcome.Sent);                                         // card 6 and its two replies
        Assert.Equal(outcome.Edited, Slack.CallCount("chat.update"));
        Assert.Equal(postsBefore + outcome.Sent, Slack.CallCount("chat.postMessage"));

        var after = Slack.AllMessagesIn(SlackDelivery.Channel).ToDictionary(m => m.Item!);
        Assert.Equal(before.Count + outcome.Sent, after.Count);
        Assert.Contains("A corrected summary.", after["card:1"].AllText);
        Assert.Equal(1, after["card:1"].Edits);
        Assert.Contains("withdrawn", after["card:5"].AllText);
        Assert.All(after.Where(m => m.Key.StartsWith("reply:5:", StringComparison.Ordinal)), m => Assert.Contains("removed", m.Value.AllText));
        Assert.All(after.Where(m => m.Key is "header" or "card:2" or "card:3" or "card:4" || m.Key.StartsWith("reply:1:", StringComparison.Ordinal)),
            m => Assert.Equal(0, m.Value.Edits));
        Assert.Equal(["card:6", "reply:6:0", "reply:6:1"], Slack.ItemsIn(SlackDelivery.Channel).TakeLast(3));
        Assert.Equal(after["card:6"].Ts, Slack.RepliesTo(SlackDelivery.Channel, after["card:6"].Ts)[0].ThreadTs);
        Assert.Empty(Slack.SpecViolations);

        var calls = Slack.Calls.Count;
        Assert.True(Assert.IsType<ChannelOutcome.Delivered>(await _delivery.DeliverAsync(revised)).NothingToDo);
        Assert.Equal(calls, Slack.Calls.Count);
    }

    [Fact]
    public async Task A_card_deleted_in_slack_is_not_posted_again_when_the_revision_cannot_edit_it()
    {
        await _delivery.DeliverAsync(SampleEditions.Earlier);
        var revised = SampleEditions.Earlier with { Papers = [SampleEditions.Earlier.Papers[0] with { Summary = "Changed." }, .. SampleEditions.Earlier.Papers.Skip(1)] };
        Slack.Refuse(SlackDelivery.Channel, "message_not_found");

        var outcome = Assert.IsType<ChannelOutcome.Delivered>(await _delivery.DeliverAsync(revised));

        Assert.Equal(0, outcome.Edited);
        Assert.Equal(0, outcome.Sent);
        var record = Assert.Single(await _delivery.Record.GetChannelHistoryAsync(new ChannelRef("slack", SlackDelivery.Channel), 5));
        Assert.Contains("message_not_found", record.LastError);
    }
}
