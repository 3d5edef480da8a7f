namespace PaperBot.Core.Delivery;

/// <summary>
/// An edition as one platform posts it, rendered once and shared by every channel's delivery: the items in posting
/// order. Immutable, so any number of concurrent deliveries can read it.
/// </summary>
public sealed record RenderedEdition(DateOnly Date, string EditionFingerprint, IReadOnlyList<RenderedItem> Items)
{
    public RenderedItem? Find(ItemKey key)
    {
        foreach (var item in Items)
        {
            if (item.Key == key)
                return item;
        }
        return null;
    }
}

/// <summary>
/// One item's content, channel-neutral. <see cref="ContentHash"/> changes exactly when what the channel would show
/// changes. Each platform derives its own record from this one to carry its wire payload.
/// </summary>
public abstract record RenderedItem(ItemKey Key, string ContentHash);
