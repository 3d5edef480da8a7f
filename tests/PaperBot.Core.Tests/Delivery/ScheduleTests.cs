using PaperBot.Core.Delivery;
using PaperBot.Core.Results;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Delivery;

/// <summary>The daily schedule end to end on a fake clock: subscriptions, the archive, the record, the planner and a platform.</summary>
public sealed class ScheduleTests
{
    private static readonly DateOnly Day1 = new(2026, 12, 1);

    [Fact]
    public async Task Each_day_the_days_edition_goes_out_once_at_nine_in_Seoul_to_every_channel()
    {
        // Midnight UTC is 09:00 in Seoul. Digests arrive at 07:00 Seoul time (22:00 UTC the day before).
        var harness = new ScheduleHarness(At(2026, 11, 30, 20, 0), zone: "Asia/Seoul");
        await harness.RunUntilAsync(At(2026, 12, 3, 23, 59), ArriveDailyAt(harness, hourUtc: 22));

        foreach (var (platform, channel) in new[] { ("discord", "d1"), ("discord", "d2"), ("slack", "s1") })
        {
            Assert.Equal(
                [(Day1, At(2026, 12, 1, 0, 0)), (Day1.AddDays(1), At(2026, 12, 2, 0, 0)), (Day1.AddDays(2), At(2026, 12, 3, 0, 0))],
                harness.DeliveredTo(platform, channel));
        }
        harness.AssertNothingPostedTwice();
        Assert.Equal(1 + 3 * (1 + 1 + 2), harness.Discord.MessagesIn("d1").Count(m => m.Date == Day1));
    }

    [Theory]
    [InlineData(2026, 3, 6, new[] { 14, 14, 13, 13, 13 })] // daylight saving starts on Sunday 2026-03-08
    [InlineData(2026, 10, 30, new[] { 13, 13, 14, 14, 14 })] // and ends on Sunday 2026-11-01
    public async Task Nine_in_New_York_stays_nine_across_the_daylight_saving_change(int year, int month, int day, int[] utcHours)
    {
        var first = new DateOnly(year, month, day);
        var harness = new ScheduleHarness(new DateTimeOffset(first.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero), zone: "America/New_York");
        // Digests arrive at 10:00 UTC (05:00 or 06:00 in New York).
        await harness.RunUntilAsync(new DateTimeOffset(first.AddDays(4).ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero), ArriveDailyAt(harness, hourUtc: 10));

        var expected = utcHours.Select((hour, i) => (first.AddDays(i), new DateTimeOffset(first.AddDays(i).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero)));
        Assert.Equal(expected, harness.DeliveredTo("discord", "d1"));
    }

    [Fact]
    public async Task Two_channels_in_different_zones_get_the_same_edition_each_at_its_own_nine()
    {
        var harness = new ScheduleHarness(At(2026, 11, 30, 21, 0));
        harness.Archive.Add(ScheduleHarness.Edition(Day1));
        await harness.Directory.SubscribeAsync(new("discord", "seoul"), new TimeOnly(9, 0), Zone("Asia/Seoul"), "u1");
        await harness.Directory.SubscribeAsync(new("discord", "ny"), new TimeOnly(9, 0), Zone("America/New_York"), "u2");

        await harness.RunUntilAsync(At(2026, 12, 1, 15, 0));

        Assert.Equal([(Day1, At(2026, 12, 1, 0, 0))], harness.DeliveredTo("discord", "seoul"));
        Assert.Equal([(Day1, At(2026, 12, 1, 14, 0))], harness.DeliveredTo("discord", "ny"));
    }

    [Fact]
    public async Task A_late_digest_goes_out_as_soon_as_it_is_in_not_the_next_day()
    {
        var harness = new ScheduleHarness(At(2026, 12, 1, 8, 0));
        harness.Archive.Add(ScheduleHarness.Edition(Day1.AddDays(-1)));
        await harness.Record.MarkDeliveredAsync("discord", "d1", Day1.AddDays(-1), At(2026, 11, 30, 9, 0));
        await harness.RunUntilAsync(At(2026, 12, 1, 15, 37));
        Assert.DoesNotContain(harness.DeliveredTo("discord", "d1"), d => d.Date == Day1);

        harness.Clock.SetUtcNow(At(2026, 12, 1, 15, 37).AddSeconds(20));
        harness.Archive.Add(ScheduleHarness.Edition(Day1)); // the ingest wakes the schedule
        await harness.LookAsync();

        Assert.Contains((Day1, At(2026, 12, 1, 15, 37).AddSeconds(20)), harness.DeliveredTo("discord", "d1"));
    }

    [Fact]
    public async Task After_a_day_of_downtime_the_channel_gets_the_newest_edition_at_its_time_never_a_backlog()
    {
        var harness = new ScheduleHarness(At(2026, 12, 1, 8, 0));
        harness.Archive.Add(ScheduleHarness.Edition(Day1));
        await harness.RunUntilAsync(At(2026, 12, 1, 10, 0));
        // Down from 10:00 on day 1 until 08:00 on day 3; day 2's digest came while it was down, day 3's comes at 08:30:
        // nothing at the start, before the channel's time; at 09:00 the newest, day 3's.
        harness.Archive.Add(ScheduleHarness.Edition(Day1.AddDays(1)));
        harness.Clock.SetUtcNow(At(2026, 12, 3, 8, 0));
        await harness.LookAsync();
        await harness.RunUntilAsync(At(2026, 12, 3, 10, 0), now =>
        {
            if (now == At(2026, 12, 3, 8, 30))
                harness.Archive.Add(ScheduleHarness.Edition(Day1.AddDays(2)));
            return Task.CompletedTask;
        });

        Assert.Equal(
            [(Day1, At(2026, 12, 1, 9, 0)), (Day1.AddDays(2), At(2026, 12, 3, 9, 0))],
            harness.DeliveredTo("discord", "d1"));
        harness.AssertNothingPostedTwice();
    }

    [Fact]
    public async Task A_first_start_over_ten_years_of_digests_posts_only_the_newest_and_nothing_when_none_is_fresh()
    {
        var old = new InMemoryArchive(Enumerable.Range(10, 3650).Select(i => ScheduleHarness.Edition(Day1.AddDays(-i), papers: 1)).ToArray());
        var stale = new ScheduleHarness(At(2026, 12, 1, 12, 0), archive: old);
        await stale.LookAsync();
        Assert.Empty(stale.Outcomes);
        Assert.Empty(stale.Discord.Calls);

        old.Add(ScheduleHarness.Edition(Day1));
        var fresh = new ScheduleHarness(At(2026, 12, 1, 12, 0), archive: old);
        await fresh.LookAsync();
        await fresh.RunUntilAsync(At(2026, 12, 1, 14, 0));
        Assert.Equal([(Day1, At(2026, 12, 1, 12, 0))], fresh.DeliveredTo("discord", "d1"));
        Assert.Equal([(Day1, At(2026, 12, 1, 12, 0))], fresh.DeliveredTo("slack", "s1"));
        Assert.All(fresh.Discord.MessagesIn("d1"), m => Assert.Equal(Day1, m.Date));
    }

    [Fact]
    public async Task Post_and_the_schedule_share_one_record_so_neither_repeats_the_other()
    {
        var harness = new ScheduleHarness(At(2026, 12, 1, 7, 0));
        var edition = ScheduleHarness.Edition(Day1);
        harness.Archive.Add(edition);

        var posted = await harness.FanOut.DeliverAsync([new(new("discord", "d1"), edition)], CancellationToken.None);
        Assert.IsType<ChannelOutcome.Delivered>(posted.Single());
        await harness.RunUntilAsync(At(2026, 12, 1, 10, 0));
        var again = await harness.FanOut.DeliverAsync([new(new("discord", "d1"), edition), new(new("discord", "d2"), edition)], CancellationToken.None);

        Assert.DoesNotContain(harness.Outcomes, o => o.Outcome.Key.Channel == "d1");
        Assert.True(Assert.IsType<ChannelOutcome.Delivered>(again[0]).NothingToDo);
        Assert.True(Assert.IsType<ChannelOutcome.Delivered>(again[1]).NothingToDo);
        harness.AssertNothingPostedTwice();
    }

    [Fact]
    public async Task A_failing_channel_never_delays_the_others_and_is_retried_with_backoff_a_bounded_number_of_times()
    {
        var harness = new ScheduleHarness(At(2026, 12, 1, 8, 0));
        harness.Archive.Add(ScheduleHarness.Edition(Day1));
        for (var i = 0; i < 20; i++)
            harness.Discord.Failures.Add(("d2", null, new PlatformUnavailable("discord", "HTTP 503")));

        await harness.RunUntilAsync(At(2026, 12, 2, 8, 0));

        Assert.Equal([(Day1, At(2026, 12, 1, 9, 0))], harness.DeliveredTo("discord", "d1"));
        var attempts = harness.Outcomes.Where(o => o.Outcome.Key.Channel == "d2").ToList();
        Assert.Equal(harness.Options.MaxAttemptsPerEdition, attempts.Count);
        Assert.All(attempts, a => Assert.IsType<ChannelOutcome.Failed>(a.Outcome));
        var waits = attempts.Select(a => ((ChannelOutcome.Failed)a.Outcome).RetryAt - a.At).ToList();
        Assert.All(waits.Take(4).Zip(waits.Skip(1).Take(3)), pair => Assert.True(pair.Second > pair.First, "each retry waits longer than the one before"));
        Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True(pair.Second.At >= ((ChannelOutcome.Failed)pair.First.Outcome).RetryAt));
        var status = (await harness.Record.GetChannelHistoryAsync(new("discord", "d2"), 1)).Single();
        Assert.Equal("discord unavailable: HTTP 503", status.LastError);
        Assert.Null(status.RetryAt);
    }

    [Fact]
    public async Task A_channel_the_platform_refuses_is_not_retried_for_that_edition()
    {
        var harness = new ScheduleHarness(At(2026, 12, 1, 8, 59));
        harness.Archive.Add(ScheduleHarness.Edition(Day1));
        harness.Discord.Failures.Add(("d2", ItemKey.Card(2), new PlatformRejected("discord", "Missing Access")));

        await harness.RunUntilAsync(At(2026, 12, 1, 12, 0));

        var failed = Assert.IsType<ChannelOutcome.Failed>(harness.Outcomes.Single(o => o.Outcome.Key.Channel == "d2").Outcome);
        Assert.Null(failed.RetryAt);
        Assert.Equal([ItemKey.Header, ItemKey.Card(1), ItemKey.Thread(1), ItemKey.Reply(1, 0), ItemKey.Reply(1, 1)],
            harness.Discord.MessagesIn("d2").Select(m => m.Item));
        Assert.Equal(4 * 3 + 1, harness.Discord.MessagesIn("d1").Count);
    }

    [Fact]
    public async Task A_message_created_just_before_a_timeout_is_found_on_the_retry_not_posted_again()
    {
        var harness = new ScheduleHarness(At(2026, 12, 1, 8, 59));
        harness.Archive.Add(ScheduleHarness.Edition(Day1));
        harness.Discord.FailAfterCreating.Add(("d1", ItemKey.Card(2)));

        await harness.RunUntilAsync(At(2026, 12, 1, 11, 0));

        Assert.Equal([(Day1, At(2026, 12, 1, 9, 0))], harness.DeliveredTo("discord", "d1").Select(d => (d.Date, d.StartedAt)));
        Assert.Contains("find d1 card:2", harness.Discord.Calls);
        harness.AssertNothingPostedTwice();
        Assert.Equal(13, harness.Discord.MessagesIn("d1").Count);
    }

    [Fact]
    public async Task A_revised_digest_edits_what_changed_posts_the_added_paper_and_marks_the_dropped_one_withdrawn()
    {
        var harness = new ScheduleHarness(At(2026, 12, 1, 8, 59));
        var original = ScheduleHarness.Edition(Day1, papers: 4);
        harness.Archive.Add(original);
        await harness.RunUntilAsync(At(2026, 12, 1, 9, 0));
        var before = harness.Discord.MessagesIn("d1");

        // Paper 2 reworded, paper 4 dropped, paper 5 added... as ranks: 4 papers become 1, 2', 3, 5 → ranks 1..3 plus the new one at 4? Keep it by rank:
        var p = original.Papers;
        var revised = new Core.Domain.Edition(Day1, [p[0], p[1] with { Summary = "A better summary" }, p[2], p[3] with { Title = "A new paper 4" },
            SampleEditions.Paper(5, "An added paper", "2601.99999", 1, "Added.", "Added abstract.", ["Added point"])]);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        harness.Archive.Add(revised);
        await harness.LookAsync();

        var after = harness.Discord.MessagesIn("d1");
        harness.AssertNothingPostedTwice();
        Assert.Equal(before.Count + 4, after.Count); // paper 5: card, thread, two replies
        var edited = after.Where(m => m.Edits > 0).Select(m => m.Item).ToList();
        Assert.Equal([ItemKey.Header, ItemKey.Card(2), ItemKey.Card(4), ItemKey.Thread(4)], edited);
        Assert.Equal("Daily papers 2026-12-01: 5 papers", after.Single(m => m.Item == ItemKey.Header).Text);

        var dropped = new Core.Domain.Edition(Day1, revised.Papers.Take(3).ToList());
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        harness.Archive.Add(dropped);
        await harness.LookAsync();
        var last = harness.Discord.MessagesIn("d1");
        Assert.Equal(after.Count, last.Count);
        Assert.Contains("withdrawn", last.Single(m => m.Item == ItemKey.Card(4)).Text);
        Assert.Contains("withdrawn", last.Single(m => m.Item == ItemKey.Card(5)).Text);
        Assert.All(last.Where(m => m.Item.Kind == ItemKind.Reply && m.Item.Rank >= 4), m => Assert.Equal("(removed in a revision)", m.Text));
    }

    [Fact]
    public async Task Started_after_the_channels_time_after_downtime_it_posts_the_newest_fresh_edition_at_once()
    {
        var harness = new ScheduleHarness(At(2026, 12, 3, 14, 0));
        harness.Archive.Add(ScheduleHarness.Edition(Day1));
        harness.Archive.Add(ScheduleHarness.Edition(Day1.AddDays(1)));
        await harness.Record.MarkDeliveredAsync("discord", "d1", Day1, At(2026, 12, 1, 9, 0));

        await harness.LookAsync();
        await harness.RunUntilAsync(At(2026, 12, 3, 23, 0));

        Assert.Equal([(Day1, At(2026, 12, 1, 9, 0)), (Day1.AddDays(1), At(2026, 12, 3, 14, 0))], harness.DeliveredTo("discord", "d1"));
    }

    [Fact]
    public async Task Two_copies_of_the_bot_looking_at_the_same_minute_deliver_each_item_once()
    {
        var record = new InMemoryDeliveryRecord();
        var platforms = new[] { new RecordingPlatform("discord", true, Enumerable.Range(1, 20).Select(i => $"d{i}").ToArray()) };
        var archive = new InMemoryArchive(ScheduleHarness.Edition(Day1));
        var first = new ScheduleHarness(At(2026, 12, 1, 8, 59), record: record, platforms: platforms, archive: archive, sender: "copy-1");
        var second = new ScheduleHarness(At(2026, 12, 1, 8, 59), record: record, platforms: platforms, archive: archive, sender: "copy-2");

        first.Clock.SetUtcNow(At(2026, 12, 1, 9, 0));
        second.Clock.SetUtcNow(At(2026, 12, 1, 9, 0));
        await Task.WhenAll(Task.Run(first.LookAsync), Task.Run(second.LookAsync));

        first.AssertNothingPostedTwice();
        foreach (var channel in platforms[0].ConfiguredChannels)
            Assert.Equal(13, platforms[0].MessagesIn(channel).Count);
    }

    private static Func<DateTimeOffset, Task> ArriveDailyAt(ScheduleHarness harness, int hourUtc) => now =>
    {
        if (now.Hour == hourUtc && now.Minute == 0)
        {
            // The digest dated by the day it is for in the channel's zone: the next UTC day for Seoul's 22:00 UTC.
            var date = DateOnly.FromDateTime(now.UtcDateTime);
            harness.Archive.Add(ScheduleHarness.Edition(hourUtc >= 15 ? date.AddDays(1) : date));
        }
        return Task.CompletedTask;
    };

    private static DateTimeOffset At(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private static TimeZoneInfo Zone(string id) => Core.Subscriptions.LocalTimes.TryFindZone(id, out var zone) ? zone : throw new InvalidOperationException(id);
}
