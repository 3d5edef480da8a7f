namespace PaperBot.Discord;

internal static class DiscordPlatform
{
    /// <summary>The platform name recorded in the delivery ledger.</summary>
    public const string Name = "discord";
}
