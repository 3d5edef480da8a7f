using System.Text.Json.Serialization;

namespace PaperBot.Discord.Wire;

/// <summary>An incoming interaction, with only the fields PaperBot reads; everything else is skipped.</summary>
internal sealed class InteractionPayload
{
    public string? Id { get; set; }

    public string? ApplicationId { get; set; }

    public int Type { get; set; }

    public string? Token { get; set; }

    public string? ChannelId { get; set; }

    public string? GuildId { get; set; }

    public InteractionDataPayload? Data { get; set; }

    /// <summary>Who used the command in a server, with their permissions in the channel; absent in a DM.</summary>
    public InteractionMemberPayload? Member { get; set; }

    /// <summary>Who used the command in a DM.</summary>
    public InteractionUserPayload? User { get; set; }
}

internal sealed class InteractionMemberPayload
{
    /// <summary>The member's permissions in the channel, a bitfield written as a decimal string.</summary>
    public string? Permissions { get; set; }

    public InteractionUserPayload? User { get; set; }
}

internal sealed class InteractionUserPayload
{
    public string? Id { get; set; }
}

internal sealed class InteractionDataPayload
{
    public string? Name { get; set; }

    public List<InteractionOptionPayload>? Options { get; set; }

    public string? CustomId { get; set; }

    public int? ComponentType { get; set; }
}

internal sealed class InteractionOptionPayload
{
    public string Name { get; set; } = "";

    public int Type { get; set; }

    /// <summary>A string, number or boolean on the wire; kept as its text.</summary>
    [JsonConverter(typeof(OptionValueConverter))]
    public string? Value { get; set; }

    public List<InteractionOptionPayload>? Options { get; set; }

    public bool? Focused { get; set; }
}

/// <summary>What PaperBot answers over HTTP: a message (type 4), a deferral (type 5) or a PONG (type 1).</summary>
internal sealed class InteractionResponsePayload
{
    public int Type { get; init; }

    public MessagePayload? Data { get; init; }
}

internal sealed class AutocompleteResponsePayload
{
    public int Type { get; init; } = InteractionCallbackType.AutocompleteResult;

    public required AutocompleteChoicesPayload Data { get; init; }
}

internal sealed record AutocompleteChoicesPayload(List<ChoicePayload> Choices);

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
