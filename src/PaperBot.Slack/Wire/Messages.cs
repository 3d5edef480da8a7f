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

/// <summary>Message metadata, so PaperBot can recognise its own posts later.</summary>
public sealed record MessageMetadata(string EventType, PaperMetadataPayload EventPayload);

public sealed record PaperMetadataPayload(string Date, int Rank, string? ArxivId);

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
