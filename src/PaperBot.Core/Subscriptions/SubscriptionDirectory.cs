using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;

namespace PaperBot.Core.Subscriptions;

/// <summary>
/// Every channel's subscription: the ones made in chat (kept in the database) over the ones in the settings. Read from the
/// database at most once per <see cref="RefreshInterval"/> (another copy of the bot may have changed them), and at once
/// after a change made here.
/// </summary>
public sealed class SubscriptionDirectory(ISubscriptionStore store, IEnumerable<IDeliveryPlatform> platforms, ScheduleDefaults defaults, TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(20);

    private readonly IReadOnlyList<IDeliveryPlatform> _platforms = platforms.ToList();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>Signalled after a subscription is made, changed or ended here, so the schedule looks again at once.</summary>
    public event Action? Changed;

    public ScheduleDefaults Defaults => defaults;

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Active;

    public async Task<Subscription?> FindAsync(ChannelRef channel, CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).ByChannel.GetValueOrDefault(channel);

    /// <summary>Subscribes the channel (or changes its time), from now on.</summary>
    public async Task<Subscription> SubscribeAsync(ChannelRef channel, TimeOnly timeOfDay, TimeZoneInfo zone, string? by, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await store.SaveSubscriptionAsync(new StoredSubscription(channel, true, timeOfDay, zone.Id, now, by), cancellationToken);
        await ChangedHereAsync(cancellationToken);
        return new Subscription(channel, timeOfDay, zone, SubscriptionOrigin.Chat, now);
    }

    /// <returns>The subscription that ended, or null when the channel had none.</returns>
    public async Task<Subscription?> UnsubscribeAsync(ChannelRef channel, string? by, CancellationToken cancellationToken = default)
    {
        var existing = await FindAsync(channel, cancellationToken);
        if (existing is null)
            return null;
        await store.SaveSubscriptionAsync(
            new StoredSubscription(channel, false, existing.TimeOfDay, existing.Zone.Id, time.GetUtcNow(), by), cancellationToken);
        await ChangedHereAsync(cancellationToken);
        return existing;
    }

    private async Task ChangedHereAsync(CancellationToken cancellationToken)
    {
        _snapshot = null;
        await CurrentAsync(cancellationToken);
        Changed?.Invoke();
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } fresh && now - fresh.ReadAt < RefreshInterval)
            return fresh;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } other && now - other.ReadAt < RefreshInterval)
                return other;
            var stored = await store.ListSubscriptionsAsync(cancellationToken);
            var snapshot = Merge(stored, now);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private Snapshot Merge(IReadOnlyList<StoredSubscription> stored, DateTimeOffset now)
    {
        var byChannel = new Dictionary<ChannelRef, Subscription>();
        foreach (var platform in _platforms)
        {
            foreach (var channel in platform.ConfiguredChannels)
            {
                var key = new ChannelRef(platform.Platform, channel);
                byChannel[key] = new Subscription(key, defaults.TimeOfDay, defaults.Zone, SubscriptionOrigin.Configuration, null);
            }
        }
        var known = _platforms.Select(p => p.Platform).ToHashSet(StringComparer.Ordinal);
        foreach (var row in stored)
        {
            if (!known.Contains(row.Channel.Platform))
                continue; // a platform no longer configured has nobody to post for it
            if (!row.Active)
                byChannel.Remove(row.Channel);
            else if (LocalTimes.TryFindZone(row.TimeZone, out var zone))
                byChannel[row.Channel] = new Subscription(row.Channel, row.TimeOfDay, zone, SubscriptionOrigin.Chat, row.ChangedAt);
        }
        var active = byChannel.Values.OrderBy(s => s.Channel.Platform, StringComparer.Ordinal).ThenBy(s => s.Channel.Channel, StringComparer.Ordinal).ToList();
        return new Snapshot(active, byChannel, now);
    }

    private sealed record Snapshot(IReadOnlyList<Subscription> Active, IReadOnlyDictionary<ChannelRef, Subscription> ByChannel, DateTimeOffset ReadAt);
}
