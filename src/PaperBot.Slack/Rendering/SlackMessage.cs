using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Rendering;

/// <summary>A rendered message: the notification fallback and its blocks (already within the limits).</summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks);
