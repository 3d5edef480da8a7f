using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Delivery;

/// <summary>
/// The schedule wired as the host wires it, over the in-memory archive and record and a recording platform, on a fake
/// clock: tests move time and look the way the hosted service does each minute.
/// </summary>
internal sealed class ScheduleHarness
{
    public ScheduleHarness(DateTimeOffset start, string timeOfDay = "09:00", string zone = "UTC", int maxAgeDays = 2,
        InMemoryDeliveryRecord? record = null, RecordingPlatform[]? platforms = null, InMemoryArchive? archive = null, string? sender = null)
    {
        Clock = new FakeTimeProvider(start);
        Archive = archive ?? new InMemoryArchive();
        Record = record ?? new InMemoryDeliveryRecord();
        Platforms = platforms ?? [new RecordingPlatform("discord", true, "d1", "d2"), new RecordingPlatform("slack", false, "s1")];
        var (defaults, errors) = ScheduleDefaults.From(new ScheduleOptions { TimeOfDay = timeOfDay, TimeZone = zone, MaxAgeDays = maxAgeDays });
        Assert.Empty(errors);
        Options = new DeliveryOptions();
        Directory = new SubscriptionDirectory(Record, Platforms, defaults!, Clock);
        Planner = new DeliveryPlanner(Record, Options, new SenderId(sender ?? "test-sender"), Clock, NullLogger<DeliveryPlanner>.Instance);
        FanOut = new DeliveryFanOut(Planner, new RenderedEditions(), Platforms, Options, NullLogger<DeliveryFanOut>.Instance);
        Schedule = new ScheduledDeliveries(Directory, Archive, Record, new DeliverySchedule(defaults!, Options), FanOut, Clock,
            NullLogger<ScheduledDeliveries>.Instance);
        Commands = new SubscriptionCommands(Directory, Record, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryArchive Archive { get; }

    public InMemoryDeliveryRecord Record { get; }

    public RecordingPlatform[] Platforms { get; }

    public RecordingPlatform Discord => Platforms[0];

    public DeliveryOptions Options { get; }

    public SubscriptionDirectory Directory { get; }

    public DeliveryPlanner Planner { get; }

    public DeliveryFanOut FanOut { get; }

    public ScheduledDeliveries Schedule { get; }

    public SubscriptionCommands Commands { get; }

    /// <summary>Deliveries started, with the time each look started them.</summary>
    public List<(DateTimeOffset At, ChannelOutcome Outcome)> Outcomes { get; } = [];

    /// <summary>One look, as the hosted service makes it, waiting for what it started.</summary>
    public async Task<IReadOnlyList<ChannelOutcome>> LookAsync()
    {
        var at = Clock.GetUtcNow();
        var pass = await Schedule.StartDueAsync(CancellationToken.None);
        var outcomes = await pass.Completion;
        foreach (var outcome in outcomes)
            Outcomes.Add((at, outcome));
        return outcomes;
    }

    /// <summary>Looks at every minute's start until <paramref name="until"/>; <paramref name="beforeLook"/> runs first at each (digests arriving, say).</summary>
    public async Task RunUntilAsync(DateTimeOffset until, Func<DateTimeOffset, Task>? beforeLook = null)
    {
        while (true)
        {
            var now = Clock.GetUtcNow();
            var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, now.Offset).AddMinutes(1);
            if (next > until)
                return;
            Clock.SetUtcNow(next);
            if (beforeLook is not null)
                await beforeLook(next);
            await LookAsync();
        }
    }

    /// <summary>When each edition went out to the channel, by the record.</summary>
    public IReadOnlyList<(DateOnly Date, DateTimeOffset StartedAt)> DeliveredTo(string platform, string channel) =>
        Record.GetChannelHistoryAsync(new ChannelRef(platform, channel), 1000).Result
            .Where(d => d.State == DeliveryState.Delivered)
            .OrderBy(d => d.Key.Date)
            .Select(d => (d.Key.Date, d.StartedAt))
            .ToList();

    public static Edition Edition(DateOnly date, int papers = 3, string variant = "") =>
        new(date, Enumerable.Range(1, papers)
            .Select(rank => SampleEditions.Paper(rank, $"Paper {rank} of {date:yyyy-MM-dd}{variant}", $"2601.{rank:00000}", rank * 10,
                $"Summary {rank}{variant}", $"Abstract {rank}.", [$"Point {rank}"]))
            .ToList());

    /// <summary>Asserts each channel shows every item of its deliveries exactly once.</summary>
    public void AssertNothingPostedTwice()
    {
        foreach (var platform in Platforms)
        {
            foreach (var channel in platform.ConfiguredChannels)
            {
                var posted = platform.MessagesIn(channel).GroupBy(m => (m.Date, m.Item)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Date} {g.Key.Item}");
                Assert.Empty(posted);
            }
        }
    }
}
