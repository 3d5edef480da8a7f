using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Core.Posting;

/// <summary>
/// Posts one edition to every configured channel of every platform. Each channel stands alone:
/// one that fails is reported and the others still get the edition.
/// </summary>
public sealed class EditionPoster(IEnumerable<IEditionPublisher> publishers, IDeliveryLedger ledger)
{
    private readonly IReadOnlyList<IEditionPublisher> _publishers = publishers.ToList();

    public IReadOnlyList<IEditionPublisher> ConfiguredPublishers => _publishers.Where(p => p.Channels.Count > 0).ToList();

    public async Task<PostReport> PostAsync(Edition edition, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<Result<ChannelDelivery>>();
        foreach (var publisher in ConfiguredPublishers)
        {
            foreach (var channel in publisher.Channels)
                outcomes.Add(await PublishToChannelAsync(publisher, edition, channel, cancellationToken));
        }
        return new PostReport(edition.Date, outcomes);
    }

    private async Task<Result<ChannelDelivery>> PublishToChannelAsync(IEditionPublisher publisher, Edition edition, string channel, CancellationToken cancellationToken)
    {
        try
        {
            return await publisher.PublishAsync(edition, channel, ledger, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault nobody foresaw in one channel must not cost the other channels their post.
            return new ChannelFailed(publisher.Platform, channel, $"unexpected {e.GetType().Name}: {e.Message}");
        }
    }
}

/// <summary>What one post run did, channel by channel.</summary>
public sealed record PostReport(DateOnly Date, IReadOnlyList<Result<ChannelDelivery>> Channels)
{
    public bool AllSucceeded => Channels.All(c => c.IsSuccess);

    public IEnumerable<Problem> Failures => Channels.Where(c => !c.IsSuccess).Select(c => c.Problem!);
}
