using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Tests.Delivery;

/// <summary>The schedule's rules as a pure function: what is due for one channel, given the archive and the record.</summary>
public sealed class DeliveryScheduleTests
{
    private static readonly TimeZoneInfo Seoul = Zone("Asia/Seoul");
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DeliverySchedule Schedule = new(new ScheduleDefaults(new TimeOnly(9, 0), TimeZoneInfo.Utc, 2), new DeliveryOptions());
    private static readonly Subscription InSeoul = new(new ChannelRef("discord", "c1"), new TimeOnly(9, 0), Seoul, SubscriptionOrigin.Configuration, null);

    // 09:00 in Seoul on Today is 00:00 UTC.
    private static readonly DateTimeOffset SlotToday = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Before_the_channels_time_nothing_is_due_and_at_its_time_the_newest_fresh_edition_is()
    {
        DateOnly[] dates = [Today, Today.AddDays(-1)];
        var history = new[] { Delivered(Today.AddDays(-1), SlotToday.AddDays(-1)) };

        Assert.Null(Schedule.Decide(InSeoul, dates, history, SlotToday.AddMinutes(-1)));
        var due = Schedule.Decide(InSeoul, dates, history, SlotToday);
        Assert.Equal(new DueDelivery(InSeoul, Today, DueReason.Scheduled), due);
    }

    [Fact]
    public void A_slot_is_served_once_whoever_served_it()
    {
        DateOnly[] dates = [Today];
        // post (or another copy of the bot) started delivering today's edition after the slot.
        Assert.Null(Schedule.Decide(InSeoul, dates, [Delivered(Today, SlotToday.AddMinutes(5))], SlotToday.AddHours(3)));
        // an operator's post of a newer edition before the slot: the slot finds nothing newer.
        Assert.Null(Schedule.Decide(InSeoul, dates, [Delivered(Today, SlotToday.AddHours(-2))], SlotToday.AddMinutes(1)));
    }

    [Fact]
    public void A_late_digest_is_due_as_soon_as_it_is_in_the_same_day()
    {
        DateOnly[] yesterdayOnly = [Today.AddDays(-1)];
        var history = new[] { Delivered(Today.AddDays(-1), SlotToday.AddDays(-1)) };
        Assert.Null(Schedule.Decide(InSeoul, yesterdayOnly, history, SlotToday));

        DateOnly[] lateArrived = [Today, Today.AddDays(-1)];
        Assert.Equal(Today, Schedule.Decide(InSeoul, lateArrived, history, SlotToday.AddHours(6))!.Date);
    }

    [Fact]
    public void Nothing_older_than_what_the_channel_has_and_nothing_stale_is_ever_due()
    {
        DateOnly[] dates = [Today.AddDays(-1), Today.AddDays(-2), Today.AddDays(-3)];
        Assert.Null(Schedule.Decide(InSeoul, dates, [Delivered(Today.AddDays(-1), SlotToday.AddDays(-3))], SlotToday));

        DateOnly[] onlyStale = [Today.AddDays(-3), Today.AddDays(-400)];
        Assert.Null(Schedule.Decide(InSeoul, onlyStale, [], SlotToday));

        DateOnly[] twoDaysOld = [Today.AddDays(-2)];
        Assert.Equal(Today.AddDays(-2), Schedule.Decide(InSeoul, twoDaysOld, [], SlotToday)!.Date);
    }

    [Fact]
    public void A_first_start_over_ten_years_of_editions_owes_only_the_newest_fresh_one()
    {
        var tenYears = Enumerable.Range(0, 3653).Select(i => Today.AddDays(-i)).ToList();
        Assert.Equal(Today, Schedule.Decide(InSeoul, tenYears, [], SlotToday.AddHours(5))!.Date);
        Assert.Null(Schedule.Decide(InSeoul, tenYears.Skip(10).ToList(), [], SlotToday.AddHours(5)));
    }

    [Fact]
    public void After_downtime_past_the_channels_time_the_newest_fresh_edition_is_owed_once()
    {
        // Down from before yesterday's slot until 14:00 today: both 09:00s passed unserved.
        DateOnly[] dates = [Today.AddDays(-1), Today.AddDays(-2)];
        var history = new[] { Delivered(Today.AddDays(-2), SlotToday.AddDays(-2)) };
        var startedAt = SlotToday.AddHours(5);
        Assert.Equal(Today.AddDays(-1), Schedule.Decide(InSeoul, dates, history, startedAt)!.Date);

        var afterIt = history.Append(Delivered(Today.AddDays(-1), startedAt)).ToArray();
        Assert.Null(Schedule.Decide(InSeoul, dates, afterIt, startedAt.AddMinutes(1)));
    }

    [Fact]
    public void Before_the_channels_time_yesterdays_missed_slot_is_not_made_up_overnight()
    {
        DateOnly[] dates = [Today, Today.AddDays(-1)];
        var history = new[] { Delivered(Today.AddDays(-2), SlotToday.AddDays(-2)) };
        Assert.Null(Schedule.Decide(InSeoul, dates, history, SlotToday.AddHours(-1)));
        Assert.Equal(Today, Schedule.Decide(InSeoul, dates, history, SlotToday)!.Date);
    }

    [Fact]
    public void A_subscription_made_in_chat_owes_nothing_from_before_it_was_made()
    {
        var madeAfterTheSlot = InSeoul with { Origin = SubscriptionOrigin.Chat, Since = SlotToday.AddHours(2) };
        Assert.Null(Schedule.Decide(madeAfterTheSlot, [Today], [], SlotToday.AddHours(3)));
        Assert.Equal(Today, Schedule.Decide(madeAfterTheSlot, [Today], [], SlotToday.AddDays(1))!.Date);
    }

    [Fact]
    public void An_unfinished_delivery_is_carried_on_once_nobody_holds_it()
    {
        var held = Delivered(Today, SlotToday) with { State = DeliveryState.InProgress, Owner = "other", LeaseUntil = SlotToday.AddSeconds(30) };
        Assert.Null(Schedule.Decide(InSeoul, [Today], [held], SlotToday.AddSeconds(10)));
        Assert.Equal(new DueDelivery(InSeoul, Today, DueReason.Resume), Schedule.Decide(InSeoul, [Today], [held], SlotToday.AddSeconds(31)));
    }

    [Fact]
    public void A_failure_that_may_pass_is_retried_at_its_time_a_bounded_number_of_times_and_a_permanent_one_is_not()
    {
        var failed = Delivered(Today, SlotToday) with { State = DeliveryState.Failed, Attempts = 2, RetryAt = SlotToday.AddMinutes(4), LastError = "5xx" };
        Assert.Null(Schedule.Decide(InSeoul, [Today], [failed], SlotToday.AddMinutes(3)));
        Assert.Equal(DueReason.Retry, Schedule.Decide(InSeoul, [Today], [failed], SlotToday.AddMinutes(4))!.Reason);

        Assert.Null(Schedule.Decide(InSeoul, [Today], [failed with { Attempts = 5 }], SlotToday.AddMinutes(10)));
        Assert.Null(Schedule.Decide(InSeoul, [Today], [failed with { Permanent = true, RetryAt = null }], SlotToday.AddMinutes(10)));
    }

    [Fact]
    public void A_revised_edition_the_channel_received_is_due_for_editing_and_legacy_records_are_left_alone()
    {
        var delivered = Delivered(Today, SlotToday) with { EditionFingerprint = "v1" };
        Assert.Empty(DeliverySchedule.Revisions(InSeoul, [delivered], _ => "v1"));
        Assert.Equal([new DueDelivery(InSeoul, Today, DueReason.Revise)], DeliverySchedule.Revisions(InSeoul, [delivered], _ => "v2"));
        Assert.Empty(DeliverySchedule.Revisions(InSeoul, [delivered with { EditionFingerprint = EditionDelivery.LegacyFingerprint }], _ => "v2"));
        Assert.Empty(DeliverySchedule.Revisions(InSeoul, [delivered], _ => null));
    }

    private static EditionDelivery Delivered(DateOnly date, DateTimeOffset startedAt) =>
        new(new DeliveryKey("discord", "c1", date), DeliveryState.Delivered, null, null, 1, null, false, null, "fp", 10, startedAt, startedAt.AddMinutes(1));

    private static TimeZoneInfo Zone(string id) => LocalTimes.TryFindZone(id, out var zone) ? zone : throw new InvalidOperationException(id);
}
