using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Testing;

/// <summary>
/// The delivery record and the subscriptions in memory, with the same semantics as the SQLite and PostgreSQL stores
/// (the storage contract suite runs against it too): for planner and schedule tests on a fake clock.
/// </summary>
public sealed class InMemoryDeliveryRecord : IDeliveryRecord, ISubscriptionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DeliveryKey, EditionDelivery> _deliveries = [];
    private readonly Dictionary<(DeliveryKey, ItemKey), ItemRecord> _items = [];
    private readonly Dictionary<ChannelRef, StoredSubscription> _subscriptions = [];

    public Task<EditionDelivery?> TryLeaseAsync(DeliveryKey key, string owner, string editionFingerprint, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_deliveries.TryGetValue(key, out var existing))
            {
                var created = new EditionDelivery(key, DeliveryState.InProgress, owner, leaseUntil, 1, null, false, null, editionFingerprint, 0, now, null);
                _deliveries[key] = created;
                return Task.FromResult<EditionDelivery?>(created);
            }
            if (existing.Owner == owner && existing.IsLeasedAt(now))
                return Task.FromResult<EditionDelivery?>(_deliveries[key] = existing with { LeaseUntil = leaseUntil });
            if (existing.IsLeasedAt(now))
                return Task.FromResult<EditionDelivery?>(null);
            var attempts = existing.State == DeliveryState.Delivered ? existing.Attempts : existing.Attempts + 1;
            var taken = existing with
            {
                State = DeliveryState.InProgress, Owner = owner, LeaseUntil = leaseUntil, Attempts = attempts, Permanent = false, RetryAt = null,
                EditionFingerprint = existing.EditionFingerprint ?? editionFingerprint,
            };
            _deliveries[key] = taken;
            return Task.FromResult<EditionDelivery?>(taken);
        }
    }

    /// <summary>Renewals fail as if the database were out of reach (or the sender frozen): leases then run out.</summary>
    public bool RenewalsFail { get; set; }

    public Task<bool> RenewLeaseAsync(DeliveryKey key, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        if (RenewalsFail)
            throw new InvalidOperationException("the database is out of reach");
        lock (_gate)
        {
            if (!_deliveries.TryGetValue(key, out var existing) || existing.Owner != owner || existing.State != DeliveryState.InProgress)
                return Task.FromResult(false);
            _deliveries[key] = existing with { LeaseUntil = leaseUntil };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ItemRecord>> GetItemsAsync(DeliveryKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ItemRecord>>(_items.Where(i => i.Key.Item1 == key).Select(i => i.Value).OrderBy(i => i.Item).ToList());
    }

    public Task<ItemClaim> ClaimItemAsync(DeliveryKey key, ItemKey item, string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_deliveries.TryGetValue(key, out var delivery) || delivery.Owner != owner || !delivery.IsLeasedAt(now))
                return Task.FromResult<ItemClaim>(new ItemClaim.LeaseLost());
            if (_items.TryGetValue((key, item), out var existing) && existing.IsSent)
                return Task.FromResult<ItemClaim>(new ItemClaim.AlreadySent(existing));
            _items[(key, item)] = new ItemRecord(item, ItemState.Claimed, null, null, (existing?.Attempts ?? 0) + 1, existing?.Error, now);
            return Task.FromResult<ItemClaim>(new ItemClaim.Granted(existing is not null));
        }
    }

    public Task MarkItemSentAsync(DeliveryKey key, ItemKey item, string platformId, string contentHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var attempts = _items.TryGetValue((key, item), out var existing) ? existing.Attempts : 1;
            _items[(key, item)] = new ItemRecord(item, ItemState.Sent, platformId, contentHash, attempts, null, now);
        }
        return Task.CompletedTask;
    }

    public Task MarkItemFailedAsync(DeliveryKey key, ItemKey item, string error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_items.TryGetValue((key, item), out var existing) && existing.IsSent)
                return Task.CompletedTask;
            _items[(key, item)] = new ItemRecord(item, ItemState.Failed, null, null, existing?.Attempts ?? 1, error, now);
        }
        return Task.CompletedTask;
    }

    public Task FinishAsync(DeliveryKey key, string owner, DeliveryFinish finish, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_deliveries.TryGetValue(key, out var existing) || existing.Owner != owner)
                return Task.CompletedTask;
            _deliveries[key] = existing with
            {
                State = finish.State, Owner = null, LeaseUntil = null, EditionFingerprint = finish.EditionFingerprint, ItemsSent = finish.ItemsSent,
                LastError = finish.Error ?? (finish.State == DeliveryState.Delivered ? null : existing.LastError),
                Permanent = finish.Permanent, RetryAt = finish.RetryAt,
                FinishedAt = finish.State == DeliveryState.InProgress ? existing.FinishedAt : now,
            };
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EditionDelivery>> GetDeliveriesSinceAsync(DateOnly since, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<EditionDelivery>>(_deliveries.Values.Where(d => d.Key.Date >= since).ToList());
    }

    public Task<IReadOnlyList<EditionDelivery>> GetChannelHistoryAsync(ChannelRef channel, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<EditionDelivery>>(_deliveries.Values.Where(d => d.Key.ChannelRef == channel)
                .OrderByDescending(d => d.Key.Date).Take(limit).ToList());
    }

    public Task<IReadOnlyList<EditionDelivery>> GetEditionDeliveriesAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<EditionDelivery>>(_deliveries.Values.Where(d => d.Key.Date == date)
                .OrderBy(d => d.Key.Platform, StringComparer.Ordinal).ThenBy(d => d.Key.Channel, StringComparer.Ordinal).ToList());
    }

    public Task<PostedPaper?> FindPostedPaperAsync(string platform, string messageId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var found = _items.Where(i => i.Key.Item1.Platform == platform && i.Value.PlatformId == messageId && i.Value.Item.Kind is ItemKind.Card or ItemKind.Thread)
                .Select(i => i.Key.Item1 is var key ? new PostedPaper(key.Platform, key.Channel, key.Date, i.Value.Item.Rank) : null)
                .FirstOrDefault();
            return Task.FromResult(found);
        }
    }

    /// <summary>Records an item as posted, as a delivery would have: for tests that start from a posted edition.</summary>
    public Task PostedAsync(DeliveryKey key, ItemKey item, string platformId) =>
        MarkItemSentAsync(key, item, platformId, "posted-by-test", DateTimeOffset.UtcNow);

    /// <summary>Records an edition as delivered to a channel earlier, with no items: for schedule tests that start mid-history.</summary>
    public Task MarkDeliveredAsync(string platform, string channel, DateOnly date, DateTimeOffset at)
    {
        var key = new DeliveryKey(platform, channel, date);
        lock (_gate)
            _deliveries[key] = new EditionDelivery(key, DeliveryState.Delivered, null, null, 1, null, false, null, EditionDelivery.LegacyFingerprint, 0, at, at);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<StoredSubscription>>(_subscriptions.Values.ToList());
    }

    public Task SaveSubscriptionAsync(StoredSubscription subscription, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            _subscriptions[subscription.Channel] = subscription;
        return Task.CompletedTask;
    }
}
