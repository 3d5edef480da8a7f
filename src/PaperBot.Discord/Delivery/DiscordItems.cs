using System.Text.Json;
using PaperBot.Core.Delivery;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Delivery;

/// <summary>The header, a paper's card or a message in its thread: a create-message body without the channel's nonce. Never changed once made.</summary>
internal sealed record DiscordMessageItem(ItemKey Key, string ContentHash, MessagePayload Message) : RenderedItem(Key, ContentHash)
{
    public static DiscordMessageItem Of(ItemKey key, MessagePayload message) =>
        new(key, Core.Delivery.ContentHash.Of(JsonSerializer.SerializeToUtf8Bytes(message, DiscordJson.Context.MessagePayload)), message);
}

/// <summary>A paper's thread, started from its card.</summary>
internal sealed record DiscordThreadItem(ItemKey Key, string ContentHash, ThreadCreatePayload Thread) : RenderedItem(Key, ContentHash)
{
    public static DiscordThreadItem Of(ItemKey key, ThreadCreatePayload thread) =>
        new(key, Core.Delivery.ContentHash.Of(JsonSerializer.SerializeToUtf8Bytes(thread, DiscordJson.Context.ThreadCreatePayload)), thread);
}
