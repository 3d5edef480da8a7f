using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Rendering;
using PaperBot.Core.Text;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Rendering;

/// <summary>The messages of a daily post: the edition header, one card per paper, and the replies in each paper's thread.</summary>
public static class EditionCards
{
    /// <summary>The metadata event type of every message of a daily post: its payload names the edition date and the item.</summary>
    public const string MetadataEventType = "paperbot_item";
    private const string AbstractHeading = "*Abstract*";
    private const string KeyPointsHeading = "*Key points*";

    public static SlackMessage Header(Edition edition)
    {
        var date = EditionDates.ToText(edition.Date);
        var count = edition.Papers.Count == 1 ? "1 paper" : $"{edition.Papers.Count} papers";
        return new SlackMessage(
            BlockKit.Fallback($"Daily papers · {date} · {count}"),
            [
                BlockKit.Header($"📚 Daily papers · {date}"),
                BlockKit.Section($"{count} today. Each paper below has its own thread with the full abstract and key points; " +
                                 Mrkdwn.Escape("ask there with @PaperBot, or use `/papers help`.")),
            ]);
    }

    public static SlackMessage Paper(DateOnly date, Paper paper, string? thumbnailUrl)
    {
        var title = $"{paper.Rank}. {paper.Title}";
        var summary = Mrkdwn.FromMarkdown(paper.Summary);
        List<BlockElement> buttons =
        [
            BlockKit.Button("Key points", PaperButtons.KeyPointsAction, PaperButton.KeyPoints(date, paper.Rank)),
            BlockKit.Button("Abstract", PaperButtons.AbstractAction, PaperButton.Abstract(date, paper.Rank)),
        ];
        if (SafeLinks.IsHttp(paper.Url) && paper.Url.Length <= BlockKitLimits.ButtonUrl)
            buttons.Add(BlockKit.Button("Open paper", PaperButtons.OpenAction, url: paper.Url));
        List<Block> blocks =
        [
            BlockKit.Header(title),
            BlockKit.Section(summary.Length == 0 ? "_No summary in the digest._" : summary, BlockKit.Image(thumbnailUrl, paper.Title)),
            BlockKit.Context(AnswerRenderer.PaperFacts(date, paper)),
            BlockKit.Actions(PaperButtons.ActionsBlockId, [.. buttons]),
        ];
        var fallback = summary.Length == 0 ? title : $"{title}: {TextLimits.Collapse(paper.Summary)}";
        return new SlackMessage(BlockKit.Fallback(fallback), blocks);
    }

    /// <summary>What names a message as an item of an edition; a paper's card also says the paper's rank and arXiv id.</summary>
    public static MessageMetadata Metadata(DateOnly date, ItemKey item, Paper? paper = null) =>
        new(MetadataEventType, new ItemMetadataPayload(EditionDates.ToText(date), item.Id)
        {
            Rank = item.Kind == ItemKind.Card ? item.Rank : null,
            ArxivId = item.Kind == ItemKind.Card ? paper?.ArxivId : null,
        });

    /// <summary>What a paper's card becomes when a revised digest drops the paper from the edition.</summary>
    public static SlackMessage Withdrawn(DateOnly date, int rank)
    {
        var day = EditionDates.ToText(date);
        return new SlackMessage(
            BlockKit.Fallback($"Paper {rank} was withdrawn from the {day} edition"),
            [
                BlockKit.Header($"{rank}. Withdrawn"),
                BlockKit.Section($"_This paper was withdrawn from the {day} edition when its digest was revised._"),
            ]);
    }

    /// <summary>What a thread reply becomes when a revised digest no longer needs it.</summary>
    public static SlackMessage RemovedReply(DateOnly date) =>
        new(BlockKit.Fallback("Removed from a revised digest"),
            [BlockKit.Section($"_This part was removed when the {EditionDates.ToText(date)} digest was revised._")]);

    /// <summary>
    /// The abstract, then the key points, as thread replies; long text continues in further replies, at most
    /// <see cref="ThreadLimits.MaxRepliesPerPaper"/> in all. The key points keep their replies (all but one at most);
    /// whichever part is cut short ends with <paramref name="continuation"/>, saying where the rest is.
    /// </summary>
    public static IReadOnlyList<SlackMessage> ThreadReplies(Paper paper, Continuation continuation)
    {
        IReadOnlyList<SlackMessage> keyPoints = [];
        if (paper.KeyPoints.Count > 0)
        {
            var bullets = string.Join('\n', paper.KeyPoints.Select(p => "• " + Mrkdwn.FromMarkdown(p)));
            keyPoints = Replies($"Key points of {paper.Rank}. {paper.Title}", $"{KeyPointsHeading}\n{bullets}");
        }
        IReadOnlyList<SlackMessage> summary = [];
        if (paper.Abstract.Length > 0)
        {
            keyPoints = ThreadLimits.Bound(keyPoints, reply => EndWith(reply, continuation), ThreadLimits.MaxRepliesPerPaper - 1);
            summary = Replies($"Abstract of {paper.Rank}. {paper.Title}", $"{AbstractHeading}\n{Mrkdwn.FromMarkdown(paper.Abstract)}");
        }
        var bounded = ThreadLimits.Bound(summary, reply => EndWith(reply, continuation), ThreadLimits.MaxRepliesPerPaper - keyPoints.Count);
        return [.. bounded, .. ThreadLimits.Bound(keyPoints, reply => EndWith(reply, continuation))];
    }

    private static IReadOnlyList<SlackMessage> Replies(string fallback, string mrkdwn) =>
        [.. BlockKit.Sections(mrkdwn)
            .Chunk(BlockKitLimits.BlocksPerMessage)
            .Select(sections => new SlackMessage(BlockKit.Fallback(fallback), sections))];

    /// <summary>The reply with a last block saying where the rest is, in place of its last section when it is full.</summary>
    private static SlackMessage EndWith(SlackMessage reply, Continuation continuation)
    {
        var link = continuation.Url is { } url && url.Length <= BlockKitLimits.SectionText / 3 ? " " + Mrkdwn.Link(url, url) : "";
        var line = BlockKit.Context([$"_{Mrkdwn.Escape(continuation.Text)}_{link}"]);
        var kept = reply.Blocks.Count < BlockKitLimits.BlocksPerMessage ? reply.Blocks : reply.Blocks.Take(BlockKitLimits.BlocksPerMessage - 1);
        return reply with { Blocks = [.. kept, line] };
    }
}
