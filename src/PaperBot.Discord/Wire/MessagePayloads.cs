namespace PaperBot.Discord.Wire;

/// <summary>The body of a message: create message, interaction reply data, and webhook edits share it.</summary>
internal sealed class MessagePayload
{
    public string? Content { get; set; }

    public List<EmbedPayload>? Embeds { get; set; }

    public List<ComponentPayload>? Components { get; set; }

    /// <summary>Always sent, and always empty: digest text must never ping anyone.</summary>
    public AllowedMentionsPayload AllowedMentions { get; set; } = AllowedMentionsPayload.None;

    public int? Flags { get; set; }

    /// <summary>Create message only: derived from (edition, channel, item), at most 25 characters.</summary>
    public string? Nonce { get; init; }

    /// <summary>With a nonce, Discord returns the message already created with it (same author, last few minutes) instead of a second one.</summary>
    public bool? EnforceNonce { get; init; }
}

internal sealed class AllowedMentionsPayload
{
    public static readonly AllowedMentionsPayload None = new();

    public string[] Parse { get; init; } = [];
}

internal sealed class EmbedPayload
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Url { get; set; }

    public int? Color { get; set; }

    public EmbedImagePayload? Thumbnail { get; set; }

    public List<EmbedFieldPayload>? Fields { get; set; }

    public EmbedFooterPayload? Footer { get; set; }
}

internal sealed record EmbedImagePayload(string Url);

internal sealed record EmbedFieldPayload(string Name, string Value, bool? Inline = null);

internal sealed record EmbedFooterPayload(string Text);

/// <summary>A legacy component: an action row (type 1) holding buttons (type 2).</summary>
internal sealed class ComponentPayload
{
    public int Type { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public List<ComponentPayload>? Components { get; init; }
}

internal sealed record ThreadCreatePayload(string Name, int AutoArchiveDuration);

/// <summary>The body of modify channel when only a thread's name changes.</summary>
internal sealed record ThreadRenamePayload(string Name);
