using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Ports;

/// <summary>The subscriptions made in chat, kept in the archive's database.</summary>
public interface ISubscriptionStore
{
    Task<IReadOnlyList<StoredSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the channel's subscription (keyed by platform and channel).</summary>
    Task SaveSubscriptionAsync(StoredSubscription subscription, CancellationToken cancellationToken = default);
}
