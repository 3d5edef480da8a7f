namespace PaperBot.Slack;

internal static class SlackPlatform
{
    /// <summary>The platform's name in the delivery record and the subscriptions.</summary>
    public const string Name = "slack";
}
