using System.Text.Json;
using PaperBot.Core.Delivery;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Publishing;

/// <summary>
/// One message of an edition as Slack gets it, the same for every channel: its body without channel or <c>thread_ts</c>,
/// whose serialized bytes the content hash is taken over.
/// </summary>
public sealed record SlackItem(ItemKey Key, string ContentHash, MessageBody Body) : RenderedItem(Key, ContentHash)
{
    public static SlackItem Of(ItemKey key, MessageBody body) =>
        new(key, Core.Delivery.ContentHash.Of(JsonSerializer.SerializeToUtf8Bytes(body, SlackJsonContext.Relaxed.MessageBody)), body);
}
