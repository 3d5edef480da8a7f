using Microsoft.Extensions.Logging;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;

namespace PaperBot.Core.Subscriptions;

/// <summary>
/// One look at the schedule: which subscribed channels are owed what now (<see cref="DeliverySchedule"/>), and the
/// deliveries started for them. The deliveries run on after this returns; <see cref="Pass.Completion"/> ends with them.
/// A delivery already running here is not started twice; one running in another copy of the bot is refused by its lease.
/// </summary>
public sealed partial class ScheduledDeliveries(
    SubscriptionDirectory directory,
    IEditionArchive archive,
    IDeliveryRecord record,
    DeliverySchedule schedule,
    DeliveryFanOut fanOut,
    TimeProvider time,
    ILogger<ScheduledDeliveries> logger)
{
    private readonly Dictionary<DeliveryKey, Task<ChannelOutcome>> _running = [];
    private readonly Lock _gate = new();

    /// <summary>What one look started, among how many subscribed channels, and when the next channel's time comes.</summary>
    public sealed record Pass(IReadOnlyList<DueDelivery> Started, Task<ChannelOutcome[]> Completion, int Subscriptions = 0, DateTimeOffset? NextSlot = null);

    /// <summary>Every delivery still running here, to wait for at shutdown.</summary>
    public Task Running
    {
        get
        {
            lock (_gate)
                return Task.WhenAll(_running.Values.ToList());
        }
    }

    public async Task<Pass> StartDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var subscriptions = await directory.ListAsync(cancellationToken);
        if (subscriptions.Count == 0)
            return new Pass([], Task.FromResult(Array.Empty<ChannelOutcome>()));

        var dates = await archive.ListDatesAsync(cancellationToken);
        // A day more than the history window, so that the channel furthest ahead of UTC still sees all of its own.
        var since = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-schedule.HistoryDays - 1);
        var history = (await record.GetDeliveriesSinceAsync(since, cancellationToken)).ToLookup(d => d.Key.ChannelRef);
        var fingerprints = await CurrentFingerprintsAsync(history.SelectMany(h => h), cancellationToken);

        var started = new List<DueDelivery>();
        var tasks = new List<Task<ChannelOutcome>>();
        foreach (var subscription in subscriptions)
        {
            if (fanOut.Platform(subscription.Channel.Platform) is null)
                continue;
            var channelHistory = history[subscription.Channel].ToList();
            var due = DeliverySchedule.Revisions(subscription, channelHistory, date => fingerprints.GetValueOrDefault(date)).ToList();
            if (schedule.Decide(subscription, dates, channelHistory, now) is { } next)
                due.Add(next);
            foreach (var delivery in due)
            {
                if (await StartAsync(delivery, cancellationToken) is { } task)
                {
                    started.Add(delivery);
                    tasks.Add(task);
                }
            }
        }
        var nextSlot = subscriptions.Min(s => DeliverySchedule.NextSlot(s, now));
        return new Pass(started, Task.WhenAll(tasks), subscriptions.Count, nextSlot);
    }

    private async Task<Task<ChannelOutcome>?> StartAsync(DueDelivery due, CancellationToken cancellationToken)
    {
        var key = new DeliveryKey(due.Subscription.Channel.Platform, due.Subscription.Channel.Channel, due.Date);
        lock (_gate)
        {
            if (_running.ContainsKey(key))
                return null;
        }
        var edition = await archive.GetEditionAsync(due.Date, cancellationToken);
        if (edition is null)
            return null;
        lock (_gate)
        {
            if (_running.ContainsKey(key))
                return null;
            // Its end removes it under the same lock, so it cannot finish before it is registered.
            var task = RunAsync(key, new DeliveryJob(due.Subscription.Channel, edition), due.Reason, cancellationToken);
            _running[key] = task;
            return task;
        }
    }

    private async Task<ChannelOutcome> RunAsync(DeliveryKey key, DeliveryJob job, DueReason reason, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the schedule's look goes on while the deliveries run
        try
        {
            LogStarting(key, reason);
            return await fanOut.DeliverOneAsync(job, cancellationToken);
        }
        finally
        {
            lock (_gate)
                _running.Remove(key);
        }
    }

    private async Task<Dictionary<DateOnly, string>> CurrentFingerprintsAsync(IEnumerable<EditionDelivery> deliveries, CancellationToken cancellationToken)
    {
        var fingerprints = new Dictionary<DateOnly, string>();
        foreach (var date in deliveries.Where(d => d.State == DeliveryState.Delivered).Select(d => d.Key.Date).Distinct())
        {
            if (await archive.GetEditionAsync(date, cancellationToken) is Edition edition)
                fingerprints[date] = EditionFingerprint.Of(edition);
        }
        return fingerprints;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Starting delivery {Delivery} ({Reason})")]
    private partial void LogStarting(DeliveryKey delivery, DueReason reason);
}
