using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Delivery;
using PaperBot.Core.Results;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Delivery;

public sealed class DeliveryPlannerTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDeliveryRecord _record = new();
    private readonly RecordingPlatform _platform = new("discord", true, "c1");
    private readonly DeliveryOptions _options = new();

    private DeliveryPlanner Planner(string sender = "me") => new(_record, _options, new SenderId(sender), _clock, NullLogger<DeliveryPlanner>.Instance);

    private RenderedEdition Rendered(int papers = 2) => RenderedEditions.Render(_platform, ScheduleHarness.Edition(Day, papers));

    [Fact]
    public async Task The_header_comes_first_then_each_paper_card_thread_and_replies_in_rank_order()
    {
        var outcome = await Planner().DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None);

        Assert.Equal(9, Assert.IsType<ChannelOutcome.Delivered>(outcome).Sent);
        Assert.Equal(
            [ItemKey.Header, ItemKey.Card(1), ItemKey.Thread(1), ItemKey.Reply(1, 0), ItemKey.Reply(1, 1), ItemKey.Card(2), ItemKey.Thread(2), ItemKey.Reply(2, 0), ItemKey.Reply(2, 1)],
            _platform.MessagesIn("c1").Select(m => m.Item));
        var card1 = _platform.MessagesIn("c1")[1];
        Assert.All(_platform.MessagesIn("c1").Where(m => m.Item.Rank == 1 && m.Item.Kind == ItemKind.Reply), reply => Assert.Equal(card1.Id, reply.ParentId));
        var record = (await _record.GetChannelHistoryAsync(new("discord", "c1"), 1)).Single();
        Assert.Equal(DeliveryState.Delivered, record.State);
        Assert.Null(record.Owner);
        Assert.Equal(9, record.ItemsSent);
    }

    [Fact]
    public async Task Delivering_again_sends_nothing()
    {
        await Planner().DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None);
        var calls = _platform.Calls.Count;

        var again = await Planner("someone-else").DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None);

        Assert.True(Assert.IsType<ChannelOutcome.Delivered>(again).NothingToDo);
        Assert.Equal(calls, _platform.Calls.Count);
    }

    [Fact]
    public async Task A_refusal_midway_stops_the_channel_and_a_later_attempt_carries_on_from_there()
    {
        _platform.Failures.Add(("c1", ItemKey.Card(2), new PlatformRejected("discord", "Missing Permissions")));

        var failed = Assert.IsType<ChannelOutcome.Failed>(await Planner().DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None));
        Assert.Null(failed.RetryAt);
        Assert.Equal(5, failed.Sent);
        var recorded = (await _record.GetChannelHistoryAsync(new("discord", "c1"), 1)).Single();
        Assert.True(recorded.Permanent);
        Assert.Equal("discord refused: Missing Permissions", recorded.LastError);

        var resumed = Assert.IsType<ChannelOutcome.Delivered>(await Planner().DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None));
        Assert.Equal(4, resumed.Sent);
        Assert.Equal(9, _platform.MessagesIn("c1").Count);
    }

    [Fact]
    public async Task A_failure_that_may_pass_is_retried_later_with_a_growing_wait()
    {
        _platform.Failures.Add(("c1", ItemKey.Header, new PlatformUnavailable("discord", "HTTP 502")));
        var first = Assert.IsType<ChannelOutcome.Failed>(await Planner().DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None));
        _clock.SetUtcNow(first.RetryAt!.Value);
        _platform.Failures.Add(("c1", ItemKey.Header, new PlatformUnavailable("discord", "HTTP 502")));
        var second = Assert.IsType<ChannelOutcome.Failed>(await Planner().DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None));

        var firstWait = first.RetryAt!.Value - new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var secondWait = second.RetryAt!.Value - first.RetryAt.Value;
        Assert.InRange(firstWait, TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72));
        Assert.InRange(secondWait, TimeSpan.FromSeconds(96), TimeSpan.FromSeconds(144));
    }

    [Fact]
    public async Task While_one_sender_holds_the_delivery_another_is_turned_away()
    {
        var gate = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        _platform.BeforeCall = async (_, item) =>
        {
            if (item == ItemKey.Card(1))
            {
                entered.TrySetResult();
                await gate.Task;
            }
        };
        var holder = Planner("first").DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None);
        await entered.Task;

        var turnedAway = await Planner("second").DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None);
        gate.SetResult();

        Assert.IsType<ChannelOutcome.Busy>(turnedAway);
        Assert.IsType<ChannelOutcome.Delivered>(await holder);
        Assert.Equal(9, _platform.MessagesIn("c1").Count);
    }

    [Fact]
    public async Task A_sender_stalled_past_its_lease_stops_at_its_next_item_and_the_one_that_took_over_finishes()
    {
        var stalled = new TaskCompletionSource();
        var resume = new TaskCompletionSource();
        _platform.BeforeCall = async (_, item) =>
        {
            if (item == ItemKey.Card(2) && !stalled.Task.IsCompleted)
            {
                stalled.SetResult();
                await resume.Task;
            }
        };
        var slow = Planner("slow").DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None);
        await stalled.Task;
        _record.RenewalsFail = true; // frozen, or cut off from the database: its lease runs out
        _clock.Advance(_options.Lease + TimeSpan.FromSeconds(1));
        _record.RenewalsFail = false;
        _platform.BeforeCall = null;
        var takeover = await Planner("fast").DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None);
        resume.SetResult();

        Assert.IsType<ChannelOutcome.Delivered>(takeover);
        var outcome = await slow;
        Assert.IsType<ChannelOutcome.LeaseLost>(outcome);
        // Its send already under way when it froze still lands (only the platform's own idempotency, Discord's nonce, can
        // stop that: the README says so); after it, nothing more.
        Assert.Equal([ItemKey.Card(2)], _platform.MessagesIn("c1").GroupBy(m => m.Item).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(10, _platform.MessagesIn("c1").Count);
    }

    [Fact]
    public async Task Stopping_midway_hands_the_delivery_back_at_once_so_a_restart_need_not_wait_out_the_lease()
    {
        using var stop = new CancellationTokenSource();
        _platform.BeforeCall = (_, item) =>
        {
            if (item == ItemKey.Card(2))
                stop.Cancel();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Planner("stopping").DeliverAsync(_platform, Rendered(), "c1", stop.Token));

        var record = (await _record.GetChannelHistoryAsync(new("discord", "c1"), 1)).Single();
        Assert.Equal(DeliveryState.InProgress, record.State);
        Assert.Null(record.Owner);
        _platform.BeforeCall = null;
        var restarted = Assert.IsType<ChannelOutcome.Delivered>(await Planner("restarted").DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None));
        Assert.Equal(4, restarted.Sent);
    }

    [Fact]
    public async Task An_edition_posted_before_items_were_recorded_is_complete_as_it_stands()
    {
        await _record.MarkDeliveredAsync("discord", "c1", Day, _clock.GetUtcNow().AddDays(-1));

        var outcome = await Planner().DeliverAsync(_platform, Rendered(), "c1", CancellationToken.None);

        Assert.True(Assert.IsType<ChannelOutcome.Delivered>(outcome).NothingToDo);
        Assert.Empty(_platform.Calls);
        Assert.Equal(EditionDelivery.LegacyFingerprint, (await _record.GetChannelHistoryAsync(new("discord", "c1"), 1)).Single().EditionFingerprint);
    }
}
