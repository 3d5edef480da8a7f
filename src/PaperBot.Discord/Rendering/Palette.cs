namespace PaperBot.Discord.Rendering;

internal static class Palette
{
    public const int Paper = 0xFFD21E;
    public const int Listing = 0x5865F2;
    public const int Search = 0x57F287;
    public const int Withdrawn = 0x99AAB5;
}
