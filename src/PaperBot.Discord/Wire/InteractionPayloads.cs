using System.Text.Json.Serialization;

namespace PaperBot.Discord.Wire;

/// <summary>An incoming interaction, with only the fields PaperBot reads; everything else is skipped. Read-only once parsed.</summary>
internal sealed record InteractionPayload
{
    public string? Id { get; init; }

    public string? ApplicationId { get; init; }

    public int Type { get; init; }

    public string? Token { get; init; }

    public string? ChannelId { get; init; }

    public string? GuildId { get; init; }

    public InteractionDataPayload? Data { get; init; }

    /// <summary>Who used the command in a server, with their permissions in the channel; absent in a DM.</summary>
    public InteractionMemberPayload? Member { get; init; }

    /// <summary>Who used the command in a DM.</summary>
    public InteractionUserPayload? User { get; init; }
}

internal sealed record InteractionMemberPayload
{
    /// <summary>The member's permissions in the channel, a bitfield written as a decimal string.</summary>
    public string? Permissions { get; init; }

    public InteractionUserPayload? User { get; init; }
}

internal sealed record InteractionUserPayload
{
    public string? Id { get; init; }
}

internal sealed record InteractionDataPayload
{
    public string? Name { get; init; }

    public IReadOnlyList<InteractionOptionPayload>? Options { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }
}

internal sealed record InteractionOptionPayload
{
    public string Name { get; init; } = "";

    public int Type { get; init; }

    /// <summary>A string, number or boolean on the wire; kept as its text.</summary>
    [JsonConverter(typeof(OptionValueConverter))]
    public string? Value { get; init; }

    public IReadOnlyList<InteractionOptionPayload>? Options { get; init; }

    public bool? Focused { get; init; }
}

/// <summary>What PaperBot answers over HTTP: a message (type 4), a deferral (type 5) or a PONG (type 1).</summary>
internal sealed record InteractionResponsePayload
{
    public int Type { get; init; }

    public MessagePayload? Data { get; init; }
}

internal sealed record AutocompleteResponsePayload
{
    public int Type { get; init; } = InteractionCallbackType.AutocompleteResult;

    public required AutocompleteChoicesPayload Data { get; init; }
}

internal sealed record AutocompleteChoicesPayload(IReadOnlyList<ChoicePayload> Choices);

internal sealed record ChoicePayload(string Name, string Value);

internal static class InteractionType
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
}

internal static class InteractionCallbackType
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int AutocompleteResult = 8;
}

internal static class MessageFlags
{
    public const int Ephemeral = 1 << 6;
}
