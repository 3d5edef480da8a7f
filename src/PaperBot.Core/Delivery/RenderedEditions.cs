using System.Runtime.CompilerServices;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;

namespace PaperBot.Core.Delivery;

/// <summary>
/// Each platform's rendering of an edition, made once per edition object and shared by every channel's delivery.
/// The archive hands out a new object when an edition changes, so a kept rendering is never stale.
/// </summary>
public sealed class RenderedEditions
{
    private readonly ConditionalWeakTable<Edition, Dictionary<string, RenderedEdition>> _kept = new();

    public RenderedEdition For(IDeliveryPlatform platform, Edition edition)
    {
        var byPlatform = _kept.GetValue(edition, static _ => new Dictionary<string, RenderedEdition>(StringComparer.Ordinal));
        lock (byPlatform)
        {
            if (byPlatform.TryGetValue(platform.Platform, out var rendered))
                return rendered;
            rendered = Render(platform, edition);
            byPlatform[platform.Platform] = rendered;
            return rendered;
        }
    }

    public static RenderedEdition Render(IDeliveryPlatform platform, Edition edition)
    {
        var items = platform.Render(edition).OrderBy(item => item.Key).ToList();
        return new RenderedEdition(edition.Date, EditionFingerprint.Of(edition), items.AsReadOnly());
    }
}
