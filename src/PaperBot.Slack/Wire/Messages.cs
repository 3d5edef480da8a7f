using System.Text.Json;

namespace PaperBot.Slack.Wire;

/// <summary>The JSON body of chat.postMessage (only the arguments PaperBot uses).</summary>
public sealed record ChatPostMessageRequest(string Channel, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    public string? ThreadTs { get; init; }

    public bool? UnfurlLinks { get; init; }

    public bool? UnfurlMedia { get; init; }

    public MessageMetadata? Metadata { get; init; }
}

/// <summary>The JSON body of chat.update: the message's new text, blocks and metadata.</summary>
public sealed record ChatUpdateRequest(string Channel, string Ts, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    public MessageMetadata? Metadata { get; init; }
}

/// <summary>
/// Message metadata naming what a message is, so PaperBot can find its own posts again
/// (<c>conversations.history</c> / <c>conversations.replies</c> with <c>include_all_metadata</c>).
/// </summary>
public sealed record MessageMetadata(string EventType, ItemMetadataPayload EventPayload);

/// <summary>
/// Which item of which edition a message is: <see cref="Date"/> (YYYY-MM-DD) and <see cref="Item"/> (<c>header</c>,
/// <c>card:3</c>, <c>reply:3:0</c>); cards also say their rank and arXiv id.
/// </summary>
public sealed record ItemMetadataPayload(string Date, string Item)
{
    public int? Rank { get; init; }

    public string? ArxivId { get; init; }
}

/// <summary>A reply to a slash command (the HTTP response) or a message POSTed to a <c>response_url</c>.</summary>
public sealed record SlackReply(string ResponseType, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    public bool? ReplaceOriginal { get; init; }
}

/// <summary>The envelope of every Web API answer.</summary>
public record SlackApiResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    public string? Warning { get; init; }
}

public sealed record ChatPostMessageResponse : SlackApiResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

public sealed record ChatUpdateResponse : SlackApiResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

/// <summary>The answer of conversations.history and conversations.replies: a page of messages.</summary>
public sealed record ConversationMessagesResponse : SlackApiResponse
{
    public IReadOnlyList<ConversationMessage>? Messages { get; init; }

    public bool HasMore { get; init; }

    public ResponseMetadata? ResponseMetadata { get; init; }
}

public sealed record ResponseMetadata
{
    public string? NextCursor { get; init; }
}

/// <summary>A message as the conversations.* methods return it (only what PaperBot reads).</summary>
public sealed record ConversationMessage
{
    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public ReceivedMetadata? Metadata { get; init; }
}

/// <summary>Metadata as read back: any app's, so the payload is kept as raw JSON and read with care.</summary>
public sealed record ReceivedMetadata
{
    public string? EventType { get; init; }

    public JsonElement EventPayload { get; init; }
}

/// <summary>
/// What a message says, without where it goes (no channel, no <c>thread_ts</c>): the same for every channel, and what
/// an edition item's content hash is taken over.
/// </summary>
public sealed record MessageBody(string Text, IReadOnlyList<Block> Blocks, MessageMetadata Metadata)
{
    /// <summary>Link and media unfurling stay off: the cards carry their own previews.</summary>
    public bool UnfurlLinks => false;

    public bool UnfurlMedia => false;

    public ChatPostMessageRequest ToPost(string channel, string? threadTs) =>
        new(channel, Text) { Blocks = Blocks, ThreadTs = threadTs, UnfurlLinks = UnfurlLinks, UnfurlMedia = UnfurlMedia, Metadata = Metadata };

    public ChatUpdateRequest ToUpdate(string channel, string ts) => new(channel, ts, Text) { Blocks = Blocks, Metadata = Metadata };
}
