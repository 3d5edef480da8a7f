namespace PaperBot.Discord.Wire;

/// <summary>
/// The body of a message: create message, interaction reply data, and webhook edits share it. Immutable, because one
/// rendered answer is cached and sent many times; a variation is a copy made with <c>with</c>.
/// </summary>
internal sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<EmbedPayload>? Embeds { get; init; }

    public IReadOnlyList<ComponentPayload>? Components { get; init; }

    /// <summary>Always sent, and always empty: digest text must never ping anyone.</summary>
    public AllowedMentionsPayload AllowedMentions { get; init; } = AllowedMentionsPayload.None;

    public int? Flags { get; init; }

    /// <summary>Create message only: derived from (edition, channel, item), at most 25 characters.</summary>
    public string? Nonce { get; init; }

    /// <summary>With a nonce, Discord returns the message already created with it (same author, last few minutes) instead of a second one.</summary>
    public bool? EnforceNonce { get; init; }
}

internal sealed record AllowedMentionsPayload
{
    public static readonly AllowedMentionsPayload None = new();

    public IReadOnlyList<string> Parse { get; init; } = [];
}

internal sealed record EmbedPayload
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public int? Color { get; init; }

    public EmbedImagePayload? Thumbnail { get; init; }

    public IReadOnlyList<EmbedFieldPayload>? Fields { get; init; }

    public EmbedFooterPayload? Footer { get; init; }
}

internal sealed record EmbedImagePayload(string Url);

internal sealed record EmbedFieldPayload(string Name, string Value, bool? Inline = null);

internal sealed record EmbedFooterPayload(string Text);

/// <summary>A legacy component: an action row (type 1) holding buttons (type 2).</summary>
internal sealed record ComponentPayload
{
    public int Type { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public IReadOnlyList<ComponentPayload>? Components { get; init; }
}

internal sealed record ThreadCreatePayload(string Name, int AutoArchiveDuration);

/// <summary>The body of modify channel when only a thread's name changes.</summary>
internal sealed record ThreadRenamePayload(string Name);
