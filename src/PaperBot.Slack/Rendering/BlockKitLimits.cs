namespace PaperBot.Slack.Rendering;

/// <summary>Slack's documented Block Kit limits (platform-specs/slack/CONTRACT.md §4).</summary>
public static class BlockKitLimits
{
    public const int BlocksPerMessage = 50;
    public const int SectionText = 3000;
    public const int HeaderText = 150;
    public const int ButtonText = 75;
    public const int ContextElements = 10;
    public const int ActionId = 255;
    public const int ButtonValue = 255;
    public const int BlockId = 255;
    public const int AltText = 2000;
    public const int ImageUrl = 3000;
    public const int ButtonUrl = 3000;

    /// <summary>The notification fallback; Slack asks to keep <c>text</c> under 4000.</summary>
    public const int FallbackText = 3000;
}
