using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Rendering;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Publishing;

/// <summary>
/// The messages of a daily post as delivery items: the header, then per paper its card and the replies in its thread.
/// Every message carries metadata naming its edition date and item, so it can be found again in the channel.
/// </summary>
internal static class EditionRequests
{
    public static IReadOnlyList<SlackItem> Items(Edition edition, ThumbnailResolver thumbnails, ArchiveLinks archiveLinks)
    {
        var items = new List<SlackItem> { Item(edition.Date, ItemKey.Header, EditionCards.Header(edition)) };
        foreach (var paper in edition.Papers)
        {
            items.Add(Item(edition.Date, ItemKey.Card(paper.Rank), EditionCards.Paper(edition.Date, paper, thumbnails.Resolve(paper)), paper));
            var replies = EditionCards.ThreadReplies(paper, archiveLinks.ContinuationOf(edition.Date, paper));
            for (var i = 0; i < replies.Count; i++)
                items.Add(Item(edition.Date, ItemKey.Reply(paper.Rank, i), replies[i]));
        }
        return items;
    }

    public static SlackItem WithdrawnCard(DateOnly date, int rank) => Item(date, ItemKey.Card(rank), EditionCards.Withdrawn(date, rank));

    public static SlackItem RemovedReply(DateOnly date, ItemKey reply) => Item(date, reply, EditionCards.RemovedReply(date));

    private static SlackItem Item(DateOnly date, ItemKey key, SlackMessage message, Paper? paper = null) =>
        SlackItem.Of(key, new MessageBody(message.Text, message.Blocks, EditionCards.Metadata(date, key, paper)));
}
