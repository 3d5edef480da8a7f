using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Tests.Delivery;

public sealed class LocalTimesTests
{
    private static readonly TimeZoneInfo NewYork = Zone("America/New_York");
    private static readonly TimeZoneInfo Seoul = Zone("Asia/Seoul");

    [Fact]
    public void Nine_in_Seoul_is_midnight_UTC()
    {
        Assert.Equal(Utc(2026, 12, 1, 0, 0), LocalTimes.At(new DateOnly(2026, 12, 1), new TimeOnly(9, 0), Seoul));
    }

    [Fact]
    public void Nine_in_New_York_moves_an_hour_earlier_in_UTC_when_daylight_saving_starts_and_back_when_it_ends()
    {
        var nine = new TimeOnly(9, 0);
        Assert.Equal(Utc(2026, 3, 7, 14, 0), LocalTimes.At(new DateOnly(2026, 3, 7), nine, NewYork));
        Assert.Equal(Utc(2026, 3, 8, 13, 0), LocalTimes.At(new DateOnly(2026, 3, 8), nine, NewYork));
        Assert.Equal(Utc(2026, 10, 31, 13, 0), LocalTimes.At(new DateOnly(2026, 10, 31), nine, NewYork));
        Assert.Equal(Utc(2026, 11, 1, 14, 0), LocalTimes.At(new DateOnly(2026, 11, 1), nine, NewYork));
    }

    [Fact]
    public void A_time_the_clocks_skip_happens_just_after_the_skip_and_a_time_that_happens_twice_happens_the_first_time()
    {
        // 2026-03-08 02:30 does not exist in New York (02:00 EST → 03:00 EDT): it is 03:30 EDT.
        Assert.Equal(Utc(2026, 3, 8, 7, 30), LocalTimes.At(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork));
        // 2026-11-01 01:30 happens twice (EDT, then EST): the first, 05:30 UTC.
        Assert.Equal(Utc(2026, 11, 1, 5, 30), LocalTimes.At(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));
    }

    [Fact]
    public void The_last_and_next_slot_are_on_either_side_of_now()
    {
        var nine = new TimeOnly(9, 0);
        var beforeNine = Utc(2026, 12, 1, 13, 59); // 08:59 in New York
        Assert.Equal(Utc(2026, 11, 30, 14, 0), LocalTimes.LastAtOrBefore(beforeNine, nine, NewYork));
        Assert.Equal(Utc(2026, 12, 1, 14, 0), LocalTimes.NextAfter(beforeNine, nine, NewYork));
        Assert.Equal(Utc(2026, 12, 1, 14, 0), LocalTimes.LastAtOrBefore(Utc(2026, 12, 1, 14, 0), nine, NewYork));
        Assert.Equal(Utc(2026, 12, 2, 14, 0), LocalTimes.NextAfter(Utc(2026, 12, 1, 14, 0), nine, NewYork));
    }

    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData("9:05", 9, 5)]
    [InlineData("23:59", 23, 59)]
    [InlineData(" 00:00 ", 0, 0)]
    public void Times_of_day_are_24_hour_HH_mm(string text, int hour, int minute)
    {
        Assert.True(LocalTimes.TryParseTimeOfDay(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("9am")]
    [InlineData("09:60")]
    [InlineData("0900")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_times_are_refused(string? text) => Assert.False(LocalTimes.TryParseTimeOfDay(text, out _));

    [Theory]
    [InlineData("Asia/Seoul", "Asia/Seoul")]
    [InlineData("asia/seoul", "Asia/Seoul")]
    [InlineData("UTC", "UTC")]
    [InlineData("America/New_York", "America/New_York")]
    public void IANA_names_are_found_whatever_their_case(string name, string id)
    {
        Assert.True(LocalTimes.TryFindZone(name, out var zone));
        Assert.Equal(id, zone.Id);
    }

    [Theory]
    [InlineData("Mars/Base")]
    [InlineData("Seoul")]
    [InlineData("Pacific Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public void Anything_else_is_not_a_time_zone(string name) => Assert.False(LocalTimes.TryFindZone(name, out _));

    [Fact]
    public void Zone_suggestions_follow_what_was_typed_at_most_the_limit()
    {
        var asia = LocalTimes.SuggestZones("asia/s", 25);
        Assert.Contains("Asia/Seoul", asia);
        Assert.All(asia, id => Assert.StartsWith("Asia/S", id));
        Assert.Equal(25, LocalTimes.SuggestZones("", 25).Count);
        Assert.Contains("America/New_York", LocalTimes.SuggestZones("new_y", 25));
    }

    [Fact]
    public void How_long_until_reads_like_a_person_would_say_it()
    {
        var now = Utc(2026, 12, 1, 0, 0);
        Assert.Equal("in 17 h 3 min", LocalTimes.Until(now, now.AddHours(17).AddMinutes(3)));
        Assert.Equal("in 12 min", LocalTimes.Until(now, now.AddMinutes(12)));
        Assert.Equal("in less than a minute", LocalTimes.Until(now, now.AddSeconds(20)));
        Assert.Equal("in 1 d 2 h", LocalTimes.Until(now, now.AddHours(26)));
    }

    [Fact]
    public void A_described_time_names_its_day_zone_and_offset()
    {
        Assert.Equal("Tue 2026-12-01 09:00 Asia/Seoul (UTC+09:00)", LocalTimes.Describe(Utc(2026, 12, 1, 0, 0), Seoul));
        Assert.Equal("Mon 2026-11-30 19:00 America/New_York (UTC-05:00)", LocalTimes.Describe(Utc(2026, 12, 1, 0, 0), NewYork));
    }

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private static TimeZoneInfo Zone(string id) => LocalTimes.TryFindZone(id, out var zone) ? zone : throw new InvalidOperationException(id);
}
