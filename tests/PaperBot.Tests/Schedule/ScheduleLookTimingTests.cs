using PaperBot.Delivery;

namespace PaperBot.Tests.Schedule;

/// <summary>When the schedule looks next: at each minute's start, and never a minute late because the last look straddled it.</summary>
public sealed class ScheduleLookTimingTests
{
    private static readonly DateTimeOffset Nine = new(2026, 1, 8, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_look_within_a_minute_is_followed_by_one_at_the_next_minutes_start()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(59_700), ScheduledDeliveryService.UntilNextLook(Nine.AddMilliseconds(1), Nine.AddMilliseconds(300)));
    }

    [Fact]
    public void A_look_that_began_just_before_a_minute_and_ended_after_it_is_followed_by_another_at_once()
    {
        // The timer fired a moment early and the look found nothing due yet: 09:00's channels must not wait until 09:01.
        Assert.Equal(TimeSpan.Zero, ScheduledDeliveryService.UntilNextLook(Nine.AddMilliseconds(-1), Nine.AddMilliseconds(300)));
        Assert.Equal(TimeSpan.FromMilliseconds(1), ScheduledDeliveryService.UntilNextLook(Nine.AddMilliseconds(-2), Nine.AddMilliseconds(-1)));
    }
}
