using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>The <c>command</c> label of an interaction in the metrics: the subcommand's name, or the kind of interaction.</summary>
internal static class InteractionLabels
{
    public const string Ping = "ping";
    public const string Button = "button";
    public const string Autocomplete = "autocomplete";
    public const string Invalid = "invalid";

    public static string Of(InteractionPayload interaction) => interaction.Type switch
    {
        InteractionType.Ping => Ping,
        InteractionType.MessageComponent => Button,
        InteractionType.Autocomplete => Autocomplete,
        InteractionType.ApplicationCommand => SubcommandName(interaction.Data),
        _ => Invalid,
    };

    /// <summary>Only a name that could be a registered subcommand's (Discord's rules: 1–32 of a-z, 0-9, - and _), so the label set stays small.</summary>
    private static string SubcommandName(InteractionDataPayload? data)
    {
        var name = data?.Options is [{ Name: { } first }, ..] ? first : null;
        return name is { Length: > 0 and <= 32 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_') ? name : Invalid;
    }
}
