using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Storage.Postgres;

// TRANSITIONAL: the storage work replaces this file with the real delivery record and subscriptions.
public sealed partial class PostgresArchiveStore
{
    private static NotSupportedException NotYet() => new("The PostgreSQL delivery record is being built.");

    public override Task<EditionDelivery?> TryLeaseAsync(DeliveryKey key, string owner, string editionFingerprint, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task<bool> RenewLeaseAsync(DeliveryKey key, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task<IReadOnlyList<ItemRecord>> GetItemsAsync(DeliveryKey key, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task<ItemClaim> ClaimItemAsync(DeliveryKey key, ItemKey item, string owner, DateTimeOffset now, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task MarkItemSentAsync(DeliveryKey key, ItemKey item, string platformId, string contentHash, DateTimeOffset now, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task MarkItemFailedAsync(DeliveryKey key, ItemKey item, string error, DateTimeOffset now, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task FinishAsync(DeliveryKey key, string owner, DeliveryFinish finish, DateTimeOffset now, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task<IReadOnlyList<EditionDelivery>> GetDeliveriesSinceAsync(DateOnly since, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task<IReadOnlyList<EditionDelivery>> GetChannelHistoryAsync(ChannelRef channel, int limit, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task<IReadOnlyList<EditionDelivery>> GetEditionDeliveriesAsync(DateOnly date, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task<PostedPaper?> FindPostedPaperAsync(string platform, string messageId, CancellationToken cancellationToken = default) => throw NotYet();
    public override Task<IReadOnlyList<StoredSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default) => throw NotYet();
    public override Task SaveSubscriptionAsync(StoredSubscription subscription, CancellationToken cancellationToken = default) => throw NotYet();
}
