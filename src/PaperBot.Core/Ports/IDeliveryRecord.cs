using PaperBot.Core.Delivery;

namespace PaperBot.Core.Ports;

/// <summary>
/// What has been delivered where, item by item, shared by every copy of the bot that uses the same database.
/// Every state change that decides who sends is atomic in the database (a unique key, a lease checked in the same
/// transaction), so two processes never both send an item. Every decision is made at the <c>now</c> the caller passes (its
/// <see cref="TimeProvider"/>), never at the database's clock. Instants are kept to the microsecond (PostgreSQL's precision).
/// </summary>
public interface IDeliveryRecord
{
    /// <summary>
    /// Takes the lease on delivering <paramref name="key"/> for <paramref name="owner"/> until <paramref name="leaseUntil"/>:
    /// creates the record (state in progress, started now) when there is none, takes over a record whose lease ran out or that
    /// failed, and renews it when <paramref name="owner"/> holds it already. Null when another owner's lease is still running.
    /// The attempt count goes up by one unless the owner already held the lease or the edition was delivered (editing a delivered
    /// edition is not a new attempt at delivering it). Taking a record over clears its failure's retry time and permanent flag;
    /// its last error stays until a later finish replaces it.
    /// </summary>
    Task<EditionDelivery?> TryLeaseAsync(DeliveryKey key, string owner, string editionFingerprint, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default);

    /// <summary>Extends the owner's lease; false when the owner no longer holds it (another sender took over).</summary>
    Task<bool> RenewLeaseAsync(DeliveryKey key, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Every item recorded for the delivery, in posting order.</summary>
    Task<IReadOnlyList<ItemRecord>> GetItemsAsync(DeliveryKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims one item for sending, in one transaction with a check that <paramref name="owner"/> still holds the
    /// delivery's lease. Sent items are never claimed again (the answer carries their record).
    /// </summary>
    Task<ItemClaim> ClaimItemAsync(DeliveryKey key, ItemKey item, string owner, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records the item as in the channel with the platform's id and the hash of its content (also after an edit).</summary>
    Task MarkItemSentAsync(DeliveryKey key, ItemKey item, string platformId, string contentHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task MarkItemFailedAsync(DeliveryKey key, ItemKey item, string error, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the owner's delivery attempt and releases the lease. Ignored when the owner no longer holds it. A finish in state
    /// <see cref="DeliveryState.InProgress"/> hands the unfinished delivery back (at shutdown) for anyone to carry on at once.
    /// </summary>
    Task FinishAsync(DeliveryKey key, string owner, DeliveryFinish finish, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The deliveries of editions dated <paramref name="since"/> or later, for every channel: what the schedule decides from.</summary>
    Task<IReadOnlyList<EditionDelivery>> GetDeliveriesSinceAsync(DateOnly since, CancellationToken cancellationToken = default);

    /// <summary>The channel's most recent deliveries, newest edition first, at most <paramref name="limit"/>: what <c>status</c> shows.</summary>
    Task<IReadOnlyList<EditionDelivery>> GetChannelHistoryAsync(ChannelRef channel, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every channel's delivery of one edition: what the archive's preview page shows.</summary>
    Task<IReadOnlyList<EditionDelivery>> GetEditionDeliveriesAsync(DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>The paper whose card (or thread) has this platform id, if PaperBot posted it.</summary>
    Task<PostedPaper?> FindPostedPaperAsync(string platform, string messageId, CancellationToken cancellationToken = default);
}

/// <summary>The answer to a claim.</summary>
public abstract record ItemClaim
{
    private ItemClaim() { }

    /// <summary>
    /// The item is this sender's to send. <see cref="PreviouslyAttempted"/>: an earlier claim never recorded the
    /// platform's answer, so the item may already be in the channel (look for it before sending again).
    /// </summary>
    public sealed record Granted(bool PreviouslyAttempted) : ItemClaim;

    /// <summary>The item was sent already (by this sender earlier, or by another).</summary>
    public sealed record AlreadySent(ItemRecord Record) : ItemClaim;

    /// <summary>The sender no longer holds the delivery's lease: it must stop.</summary>
    public sealed record LeaseLost : ItemClaim;
}

/// <summary>How a delivery attempt ended.</summary>
public sealed record DeliveryFinish(DeliveryState State, string EditionFingerprint, int ItemsSent, string? Error = null, bool Permanent = false, DateTimeOffset? RetryAt = null)
{
    public static DeliveryFinish Delivered(string fingerprint, int itemsSent) => new(DeliveryState.Delivered, fingerprint, itemsSent);
}
