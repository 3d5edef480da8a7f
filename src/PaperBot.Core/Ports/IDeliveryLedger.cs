using PaperBot.Core.Domain;

namespace PaperBot.Core.Ports;

/// <summary>What has been posted where, so that nothing is posted twice and a thread can be traced to its paper.</summary>
public interface IDeliveryLedger
{
    /// <summary>Everything recorded for one edition in one channel.</summary>
    Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(string platform, string channel, DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>Records (or updates, keyed by platform, channel, date and rank) one posted message.</summary>
    Task RecordAsync(Delivery delivery, CancellationToken cancellationToken = default);

    /// <summary>The paper posting whose message id or thread id is <paramref name="messageOrThreadId"/>, if any.</summary>
    Task<Delivery?> FindByMessageOrThreadAsync(string platform, string messageOrThreadId, CancellationToken cancellationToken = default);
}
