using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;

namespace PaperBot.Delivery;

/// <summary>One item of an edition and the JSON body that sending it to a channel would send.</summary>
public sealed record DescribedRequest(ItemKey Item, string Body);

/// <summary>
/// The request bodies of an edition for one channel, in posting order, exactly as the delivery would send them: what
/// <c>post --dry-run</c> prints and what the preview page shows. Ids that only exist once something is posted (a card's,
/// a thread's) are placeholders.
/// </summary>
public static class EditionRequests
{
    public static IReadOnlyList<DescribedRequest> For(DeliveryFanOut fanOut, IDeliveryPlatform platform, string channel, Edition edition)
    {
        var key = new DeliveryKey(platform.Platform, channel, edition.Date);
        var items = fanOut.Render(platform, edition).Items;
        var requests = new List<DescribedRequest>(items.Count);
        foreach (var item in items)
            requests.Add(new DescribedRequest(item.Key, platform.DescribeRequest(key, item, PlaceholderParent(platform, item.Key))));
        return requests;
    }

    private static string? PlaceholderParent(IDeliveryPlatform platform, ItemKey item) => item.Kind switch
    {
        ItemKind.Thread => $"(id of card {item.Rank})",
        ItemKind.Reply => platform.StartsThreads ? $"(id of thread {item.Rank})" : $"(id of card {item.Rank})",
        _ => null,
    };
}
