using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// What JSON alone cannot refuse: a <c>null</c> where Discord always sends an object (an option in an options array)
/// or a string (an option's name). Such an interaction is malformed, not a command to guess at.
/// </summary>
internal static class InteractionShape
{
    public static bool IsWellFormed(InteractionPayload interaction) =>
        interaction.Data?.Options is not { } options || AreWellFormed(options);

    /// <remarks>Recursion is bounded by the JSON reader's maximum depth.</remarks>
    private static bool AreWellFormed(IReadOnlyList<InteractionOptionPayload?> options)
    {
        foreach (var option in options)
        {
            if (option?.Name is null || (option.Options is { } nested && !AreWellFormed(nested)))
                return false;
        }
        return true;
    }
}
