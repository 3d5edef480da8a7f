namespace PaperBot.Discord.Wire;

/// <summary>The part of Discord's message object PaperBot needs back.</summary>
internal sealed class MessageObject
{
    public string Id { get; set; } = "";

    public string? ChannelId { get; set; }
}

/// <summary>The part of Discord's channel object (a thread) PaperBot needs back.</summary>
internal sealed class ChannelObject
{
    public string Id { get; set; } = "";

    public int Type { get; set; }

    public string? Name { get; set; }
}

internal sealed class ApplicationCommandObject
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

/// <summary>Discord's JSON error body: <c>{code, message, errors?}</c>.</summary>
internal sealed class ErrorEnvelope
{
    public int Code { get; set; }

    public string? Message { get; set; }
}

/// <summary>The body of a 429.</summary>
internal sealed class RateLimitBody
{
    public string? Message { get; set; }

    public double RetryAfter { get; set; }

    public bool Global { get; set; }
}
