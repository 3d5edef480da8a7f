using PaperBot.Core.Domain;
using PaperBot.Core.Rendering;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Publishing;

/// <summary>The chat.postMessage bodies of a daily post. Link and media unfurling stay off: the cards carry their own.</summary>
internal static class EditionRequests
{
    public static ChatPostMessageRequest Header(Edition edition, string channel) =>
        Message(channel, EditionCards.Header(edition));

    public static ChatPostMessageRequest Paper(DateOnly date, Paper paper, string channel, string? thumbnailUrl) =>
        Message(channel, EditionCards.Paper(date, paper, thumbnailUrl)) with { Metadata = EditionCards.Metadata(date, paper) };

    public static IReadOnlyList<ChatPostMessageRequest> ThreadReplies(Paper paper, Continuation continuation, string channel, string threadTs) =>
        EditionCards.ThreadReplies(paper, continuation).Select(reply => Message(channel, reply) with { ThreadTs = threadTs }).ToList();

    public static ChatPostMessageRequest Message(string channel, SlackMessage message) =>
        new(channel, message.Text) { Blocks = message.Blocks, UnfurlLinks = false, UnfurlMedia = false };
}
