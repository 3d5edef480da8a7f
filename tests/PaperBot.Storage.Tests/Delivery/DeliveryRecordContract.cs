using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Core.Subscriptions;
using Xunit;

namespace PaperBot.Storage.Tests.Delivery;

/// <summary>
/// What every delivery record must do (the SQLite and PostgreSQL stores and the in-memory reference record alike), and
/// the subscriptions kept beside it. Each test starts on an empty record. Times are whole milliseconds, as a
/// <see cref="TimeProvider"/> gives them, and every decision is made at the time the test passes, not the database's.
/// </summary>
public abstract class DeliveryRecordContract
{
    protected static readonly DateOnly Day = new(2026, 1, 8);
    protected static readonly DateTimeOffset T0 = new(2026, 1, 8, 0, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected static readonly DeliveryKey Key = new("discord", "111", Day);

    protected abstract IDeliveryRecord Record { get; }

    protected abstract ISubscriptionStore Subscriptions { get; }

    /// <summary>Another record on the same storage, as another process would have (in memory: the same one).</summary>
    protected abstract Task<IDeliveryRecord> OpenAnotherRecordAsync();

    /// <summary>How many senders race in the concurrency tests, each on its own instance (two copies of the bot on one machine).</summary>
    protected virtual int Racers => 2;

    protected virtual int RaceRounds => 300;

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private Task<EditionDelivery?> LeaseAsync(string owner, double atSeconds, DeliveryKey? key = null, string fingerprint = "fp-1") =>
        Record.TryLeaseAsync(key ?? Key, owner, fingerprint, At(atSeconds), At(atSeconds) + Lease);

    private async Task<EditionDelivery> DeliveryAsync(DeliveryKey? key = null) =>
        Assert.Single(await Record.GetEditionDeliveriesAsync((key ?? Key).Date), d => d.Key == (key ?? Key));

    [Fact]
    public async Task A_first_lease_creates_the_delivery_in_progress()
    {
        var lease = await LeaseAsync("a", 0);

        var expected = new EditionDelivery(Key, DeliveryState.InProgress, "a", At(30), 1, null, false, null, "fp-1", 0, T0, null);
        Assert.Equal(expected, lease);
        Assert.Equal(expected, await DeliveryAsync());
        Assert.True(lease!.IsLeasedAt(At(29)));
    }

    [Fact]
    public async Task The_holder_renews_its_lease_without_a_new_attempt()
    {
        await LeaseAsync("a", 0);

        var again = await LeaseAsync("a", 10);
        Assert.Equal((1, At(40)), (again!.Attempts, again.LeaseUntil));

        Assert.True(await Record.RenewLeaseAsync(Key, "a", At(20), At(50)));
        var renewed = await DeliveryAsync();
        Assert.Equal(("a", At(50), 1, DeliveryState.InProgress), (renewed.Owner, renewed.LeaseUntil, renewed.Attempts, renewed.State));
    }

    [Fact]
    public async Task Another_sender_is_refused_while_the_lease_runs()
    {
        var held = await LeaseAsync("a", 0);

        Assert.Null(await LeaseAsync("b", 29.999));
        Assert.False(await Record.RenewLeaseAsync(Key, "b", At(10), At(40)));
        Assert.IsType<ItemClaim.LeaseLost>(await Record.ClaimItemAsync(Key, ItemKey.Header, "b", At(10)));
        await Record.FinishAsync(Key, "b", DeliveryFinish.Delivered("fp-1", 0), At(10));
        Assert.Equal(held, await DeliveryAsync());
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_as_a_new_attempt_and_its_old_holder_is_fenced_off()
    {
        await LeaseAsync("a", 0);

        var taken = await LeaseAsync("b", 30, fingerprint: "fp-2");

        var expected = new EditionDelivery(Key, DeliveryState.InProgress, "b", At(60), 2, null, false, null, "fp-1", 0, T0, null);
        Assert.Equal(expected, taken);
        Assert.False(await Record.RenewLeaseAsync(Key, "a", At(31), At(61)));
        Assert.IsType<ItemClaim.LeaseLost>(await Record.ClaimItemAsync(Key, ItemKey.Header, "a", At(20)));
        await Record.FinishAsync(Key, "a", DeliveryFinish.Delivered("fp-1", 5), At(32));
        Assert.Equal(expected, await DeliveryAsync());
    }

    [Fact]
    public async Task The_holder_whose_own_lease_ran_out_starts_a_new_attempt()
    {
        await LeaseAsync("a", 0);

        var again = await LeaseAsync("a", 45);

        Assert.Equal((2, At(75)), (again!.Attempts, again.LeaseUntil));
    }

    [Fact]
    public async Task A_claim_is_fenced_by_the_lease()
    {
        Assert.IsType<ItemClaim.LeaseLost>(await Record.ClaimItemAsync(Key, ItemKey.Header, "a", T0));

        await LeaseAsync("a", 0);
        Assert.Equal(new ItemClaim.Granted(false), await Record.ClaimItemAsync(Key, ItemKey.Header, "a", At(1)));
        Assert.IsType<ItemClaim.LeaseLost>(await Record.ClaimItemAsync(Key, ItemKey.Card(1), "b", At(2)));
        Assert.IsType<ItemClaim.LeaseLost>(await Record.ClaimItemAsync(Key, ItemKey.Card(1), "a", At(30)));
        Assert.IsType<ItemClaim.LeaseLost>(await Record.ClaimItemAsync(Key with { Channel = "222" }, ItemKey.Card(1), "a", At(2)));

        var item = Assert.Single(await Record.GetItemsAsync(Key));
        Assert.Equal(new ItemRecord(ItemKey.Header, ItemState.Claimed, null, null, 1, null, At(1)), item);
    }

    [Fact]
    public async Task A_sent_item_is_never_claimed_again_by_anyone()
    {
        await LeaseAsync("a", 0);
        await Record.ClaimItemAsync(Key, ItemKey.Card(1), "a", At(1));
        await Record.MarkItemSentAsync(Key, ItemKey.Card(1), "m-1", "hash-1", At(2));

        var sent = new ItemRecord(ItemKey.Card(1), ItemState.Sent, "m-1", "hash-1", 1, null, At(2));
        Assert.Equal(new ItemClaim.AlreadySent(sent), await Record.ClaimItemAsync(Key, ItemKey.Card(1), "a", At(3)));

        await LeaseAsync("b", 40);
        Assert.Equal(new ItemClaim.AlreadySent(sent), await Record.ClaimItemAsync(Key, ItemKey.Card(1), "b", At(41)));
        Assert.Equal([sent], await Record.GetItemsAsync(Key));
    }

    [Fact]
    public async Task A_claim_never_marked_sent_is_granted_again_as_previously_attempted()
    {
        await LeaseAsync("a", 0);
        Assert.Equal(new ItemClaim.Granted(false), await Record.ClaimItemAsync(Key, ItemKey.Card(2), "a", At(1)));

        // "a" died after sending, or before: the next holder must look before it sends again.
        await LeaseAsync("b", 31);
        Assert.Equal(new ItemClaim.Granted(true), await Record.ClaimItemAsync(Key, ItemKey.Card(2), "b", At(32)));

        Assert.Equal([new ItemRecord(ItemKey.Card(2), ItemState.Claimed, null, null, 2, null, At(32))], await Record.GetItemsAsync(Key));
    }

    [Fact]
    public async Task A_failed_item_keeps_its_reason_until_it_is_sent_and_a_sent_item_is_never_marked_failed()
    {
        await LeaseAsync("a", 0);
        await Record.ClaimItemAsync(Key, ItemKey.Thread(1), "a", At(1));
        await Record.MarkItemFailedAsync(Key, ItemKey.Thread(1), "Missing Access", At(2));
        Assert.Equal([new ItemRecord(ItemKey.Thread(1), ItemState.Failed, null, null, 1, "Missing Access", At(2))], await Record.GetItemsAsync(Key));

        Assert.Equal(new ItemClaim.Granted(true), await Record.ClaimItemAsync(Key, ItemKey.Thread(1), "a", At(3)));
        Assert.Equal([new ItemRecord(ItemKey.Thread(1), ItemState.Claimed, null, null, 2, "Missing Access", At(3))], await Record.GetItemsAsync(Key));

        await Record.MarkItemSentAsync(Key, ItemKey.Thread(1), "t-1", "hash-t", At(4));
        await Record.MarkItemFailedAsync(Key, ItemKey.Thread(1), "late failure", At(5));
        Assert.Equal([new ItemRecord(ItemKey.Thread(1), ItemState.Sent, "t-1", "hash-t", 2, null, At(4))], await Record.GetItemsAsync(Key));
    }

    [Fact]
    public async Task An_edit_records_the_new_content_hash_of_a_sent_item()
    {
        await Record.MarkItemSentAsync(Key, ItemKey.Header, "h-1", "hash-1", At(1));
        await Record.MarkItemSentAsync(Key, ItemKey.Header, "h-1", "hash-2", At(9));

        Assert.Equal([new ItemRecord(ItemKey.Header, ItemState.Sent, "h-1", "hash-2", 1, null, At(9))], await Record.GetItemsAsync(Key));
    }

    [Fact]
    public async Task Items_come_back_in_posting_order_and_only_the_deliverys_own()
    {
        ItemKey[] inPostingOrder =
            [ItemKey.Header, ItemKey.Card(2), ItemKey.Thread(2), ItemKey.Reply(2, 0), ItemKey.Reply(2, 1), ItemKey.Reply(2, 10), ItemKey.Card(10)];
        foreach (var item in inPostingOrder.Reverse())
            await Record.MarkItemSentAsync(Key, item, "id-" + item.Id, "hash", At(1));
        await Record.MarkItemSentAsync(Key with { Date = Day.AddDays(1) }, ItemKey.Card(1), "other-day", "hash", At(1));
        await Record.MarkItemSentAsync(Key with { Platform = "slack" }, ItemKey.Card(1), "other-platform", "hash", At(1));

        Assert.Equal(inPostingOrder, (await Record.GetItemsAsync(Key)).Select(i => i.Item));
        Assert.Empty(await Record.GetItemsAsync(Key with { Channel = "nobody" }));
    }

    [Fact]
    public async Task A_failed_delivery_keeps_its_error_and_retry_time_until_another_attempt_takes_it_over()
    {
        await LeaseAsync("a", 0);
        await Record.FinishAsync(Key, "a",
            new DeliveryFinish(DeliveryState.Failed, "fp-1", 3, "Discord answered 503", Permanent: false, RetryAt: At(300)), At(10));

        var failed = new EditionDelivery(Key, DeliveryState.Failed, null, null, 1, "Discord answered 503", false, At(300), "fp-1", 3, T0, At(10));
        Assert.Equal(failed, await DeliveryAsync());
        Assert.True(failed.MayRetryAt(At(300), maxAttempts: 5));

        var retry = await LeaseAsync("b", 300);
        Assert.Equal(failed with { State = DeliveryState.InProgress, Owner = "b", LeaseUntil = At(330), Attempts = 2, RetryAt = null }, retry);

        await Record.FinishAsync(Key, "b", DeliveryFinish.Delivered("fp-1", 7), At(320));
        Assert.Equal(new EditionDelivery(Key, DeliveryState.Delivered, null, null, 2, null, false, null, "fp-1", 7, T0, At(320)), await DeliveryAsync());
    }

    [Fact]
    public async Task A_permanent_failure_is_kept_and_a_later_attempt_clears_the_flag()
    {
        await LeaseAsync("a", 0);
        await Record.FinishAsync(Key, "a", new DeliveryFinish(DeliveryState.Failed, "fp-1", 0, "Unknown Channel", Permanent: true), At(1));
        var failed = await DeliveryAsync();
        Assert.Equal((DeliveryState.Failed, true, (DateTimeOffset?)null, "Unknown Channel"), (failed.State, failed.Permanent, failed.RetryAt, failed.LastError));
        Assert.False(failed.MayRetryAt(At(1000), maxAttempts: 5));

        var again = await LeaseAsync("a", 2);
        Assert.Equal((DeliveryState.InProgress, false, 2, "Unknown Channel"), (again!.State, again.Permanent, again.Attempts, again.LastError));
    }

    [Fact]
    public async Task Editing_a_delivered_edition_is_not_a_new_attempt_and_the_finish_records_the_new_fingerprint()
    {
        await LeaseAsync("a", 0);
        await Record.FinishAsync(Key, "a", DeliveryFinish.Delivered("fp-1", 11), At(5));

        var revising = await LeaseAsync("b", 100, fingerprint: "fp-2");
        Assert.Equal((DeliveryState.InProgress, 1, "fp-1", At(5)), (revising!.State, revising.Attempts, revising.EditionFingerprint, revising.FinishedAt));

        await Record.FinishAsync(Key, "b", DeliveryFinish.Delivered("fp-2", 11), At(110));
        var revised = await DeliveryAsync();
        Assert.Equal((DeliveryState.Delivered, 1, "fp-2", At(110), T0), (revised.State, revised.Attempts, revised.EditionFingerprint, revised.FinishedAt, revised.StartedAt));
    }

    [Fact]
    public async Task A_delivery_handed_back_at_shutdown_is_anyones_at_once()
    {
        await LeaseAsync("a", 0);
        await Record.FinishAsync(Key, "a", new DeliveryFinish(DeliveryState.InProgress, "fp-1", 2), At(3));

        var handedBack = await DeliveryAsync();
        Assert.Equal(new EditionDelivery(Key, DeliveryState.InProgress, null, null, 1, null, false, null, "fp-1", 2, T0, null), handedBack);
        Assert.False(handedBack.IsLeasedAt(At(4)));
        Assert.False(await Record.RenewLeaseAsync(Key, "a", At(4), At(34)));

        var carriedOn = await LeaseAsync("b", 4);
        Assert.Equal(("b", 2), (carriedOn!.Owner, carriedOn.Attempts));
    }

    [Fact]
    public async Task Deliveries_are_found_by_date_by_channel_newest_first_and_by_edition_in_ordinal_order()
    {
        var a = new ChannelRef("discord", "a");
        foreach (var (platform, channel, daysBack) in new[] { ("discord", "a", 0), ("discord", "a", 1), ("discord", "a", 2), ("discord", "B", 0), ("slack", "a", 1), ("slack", "A", 0) })
            await LeaseAsync("a", 0, new DeliveryKey(platform, channel, Day.AddDays(-daysBack)));

        Assert.Equal(
            new[] { ("discord", "B", Day), ("discord", "a", Day.AddDays(-1)), ("discord", "a", Day), ("slack", "A", Day), ("slack", "a", Day.AddDays(-1)) }.Order(),
            (await Record.GetDeliveriesSinceAsync(Day.AddDays(-1))).Select(d => (d.Key.Platform, d.Key.Channel, d.Key.Date)).Order());
        Assert.Equal([Day, Day.AddDays(-1)], (await Record.GetChannelHistoryAsync(a, 2)).Select(d => d.Key.Date));
        Assert.Equal([Day, Day.AddDays(-1), Day.AddDays(-2)], (await Record.GetChannelHistoryAsync(a, 10)).Select(d => d.Key.Date));
        Assert.Empty(await Record.GetChannelHistoryAsync(a, 0));
        Assert.Empty(await Record.GetChannelHistoryAsync(new ChannelRef("discord", "nobody"), 10));
        Assert.Equal([("discord", "B"), ("discord", "a"), ("slack", "A")],
            (await Record.GetEditionDeliveriesAsync(Day)).Select(d => (d.Key.Platform, d.Key.Channel)));
        Assert.Empty(await Record.GetEditionDeliveriesAsync(Day.AddDays(1)));
    }

    [Fact]
    public async Task A_posted_paper_is_found_by_its_card_or_thread_id_never_by_the_header_or_a_reply()
    {
        await LeaseAsync("a", 0);
        await Record.MarkItemSentAsync(Key, ItemKey.Header, "m-header", "h", At(1));
        await Record.MarkItemSentAsync(Key, ItemKey.Card(2), "m-card-2", "h", At(2));
        await Record.MarkItemSentAsync(Key, ItemKey.Thread(3), "m-thread-3", "h", At(3));
        await Record.MarkItemSentAsync(Key, ItemKey.Reply(3, 0), "m-reply", "h", At(4));
        await Record.ClaimItemAsync(Key, ItemKey.Card(4), "a", At(5));

        Assert.Equal(new PostedPaper("discord", "111", Day, 2), await Record.FindPostedPaperAsync("discord", "m-card-2"));
        Assert.Equal(new PostedPaper("discord", "111", Day, 3), await Record.FindPostedPaperAsync("discord", "m-thread-3"));
        Assert.Null(await Record.FindPostedPaperAsync("discord", "m-header"));
        Assert.Null(await Record.FindPostedPaperAsync("discord", "m-reply"));
        Assert.Null(await Record.FindPostedPaperAsync("slack", "m-card-2"));
        Assert.Null(await Record.FindPostedPaperAsync("discord", "unknown"));
    }

    [Fact]
    public async Task Subscriptions_are_saved_replaced_unsubscribed_and_seen_by_another_instance()
    {
        Assert.Empty(await Subscriptions.ListSubscriptionsAsync());
        var seoul = new StoredSubscription(new ChannelRef("discord", "111"), true, new TimeOnly(9, 30), "Asia/Seoul", At(1), "member-7");
        var slack = new StoredSubscription(new ChannelRef("slack", "C01"), true, new TimeOnly(18, 0), "America/New_York", At(2), null);
        await Subscriptions.SaveSubscriptionAsync(seoul);
        await Subscriptions.SaveSubscriptionAsync(slack);
        Assert.Equal([seoul, slack], (await Subscriptions.ListSubscriptionsAsync()).OrderBy(s => s.Channel.Platform));

        var later = seoul with { TimeOfDay = new TimeOnly(7, 5), TimeZone = "UTC", ChangedAt = At(3), ChangedBy = "member-8" };
        await Subscriptions.SaveSubscriptionAsync(later);
        var unsubscribed = slack with { Active = false, ChangedAt = At(4), ChangedBy = "U02" };
        await Subscriptions.SaveSubscriptionAsync(unsubscribed);

        Assert.Equal([later, unsubscribed], (await Subscriptions.ListSubscriptionsAsync()).OrderBy(s => s.Channel.Platform));
        var another = (ISubscriptionStore)await OpenAnotherRecordAsync();
        Assert.Equal([later, unsubscribed], (await another.ListSubscriptionsAsync()).OrderBy(s => s.Channel.Platform));
    }

    [Fact]
    public async Task A_second_instance_sees_the_first_ones_leases_and_items_at_once()
    {
        var another = await OpenAnotherRecordAsync();
        await LeaseAsync("a", 0);
        await Record.MarkItemSentAsync(Key, ItemKey.Card(1), "m-1", "h", At(1));

        Assert.Null(await another.TryLeaseAsync(Key, "b", "fp-1", At(2), At(32)));
        Assert.IsType<ItemClaim.AlreadySent>(await another.ClaimItemAsync(Key, ItemKey.Card(1), "a", At(2)));
        Assert.Equal(new PostedPaper("discord", "111", Day, 1), await another.FindPostedPaperAsync("discord", "m-1"));
    }

    [Fact]
    public async Task Racing_senders_lease_each_delivery_and_are_granted_each_item_exactly_once()
    {
        var records = new List<IDeliveryRecord> { Record };
        for (var i = 1; i < Racers; i++)
            records.Add(await OpenAnotherRecordAsync());

        var outcomes = new List<ClaimRace.Outcome>();
        for (var round = 0; round < RaceRounds; round++)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var senders = records.Select((record, i) => Task.Run(async () =>
            {
                await start.Task;
                return await ClaimRace.RunRoundAsync(record, $"sender-{i}", round);
            })).ToList();
            start.SetResult();
            foreach (var sender in await Task.WhenAll(senders))
                outcomes.AddRange(sender);
        }

        ClaimRace.AssertExactlyOnce(outcomes, RaceRounds, Racers);
    }
}
