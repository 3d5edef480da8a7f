namespace PaperBot.Discord.Wire;

/// <summary>The part of Discord's message object PaperBot needs back.</summary>
internal sealed record MessageObject
{
    public string Id { get; init; } = "";

    public string? ChannelId { get; init; }
}

/// <summary>The part of Discord's channel object (a thread) PaperBot needs back.</summary>
internal sealed record ChannelObject
{
    public string Id { get; init; } = "";

    public int Type { get; init; }

    public string? Name { get; init; }
}

internal sealed record ApplicationCommandObject
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}

/// <summary>Discord's JSON error body: <c>{code, message, errors?}</c>.</summary>
internal sealed record ErrorEnvelope
{
    public int Code { get; init; }

    public string? Message { get; init; }
}

/// <summary>The body of a 429.</summary>
internal sealed record RateLimitBody
{
    public string? Message { get; init; }

    public double RetryAfter { get; init; }

    public bool Global { get; init; }
}
