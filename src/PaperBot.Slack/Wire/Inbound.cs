namespace PaperBot.Slack.Wire;

/// <summary>The Events API envelope: <c>url_verification</c> or <c>event_callback</c>.</summary>
public sealed record EventEnvelope
{
    public string? Type { get; init; }

    public string? Challenge { get; init; }

    public string? EventId { get; init; }

    public SlackEvent? Event { get; init; }
}

/// <summary>The inner event; PaperBot handles <c>app_mention</c>.</summary>
public sealed record SlackEvent
{
    public string? Type { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Subtype { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? Channel { get; init; }
}

public sealed record ChallengeReply(string Challenge);

/// <summary>The <c>payload</c> of an interaction request.</summary>
public sealed record InteractionPayload
{
    public string? Type { get; init; }

    public string? ResponseUrl { get; init; }

    public InteractionUser? User { get; init; }

    public IReadOnlyList<InteractionAction>? Actions { get; init; }
}

public sealed record InteractionUser
{
    public string? Id { get; init; }
}

public sealed record InteractionAction
{
    public string? ActionId { get; init; }

    public string? Value { get; init; }
}
