namespace PaperBot.Discord.Rendering;

/// <summary>Discord's documented limits (message.mdx, components/reference.mdx, channel.mdx).</summary>
internal static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int EmbedTotal = 6000;
    public const int ThreadName = 100;
    public const int CustomId = 100;
    public const int ButtonLabel = 80;
    public const int ButtonUrl = 512;
    public const int EmbedUrl = 2048;
    public const int ChoiceName = 100;
    public const int ChoiceValue = 100;
    public const int Choices = 25;
}
