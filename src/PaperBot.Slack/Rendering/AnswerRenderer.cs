using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Results;
using PaperBot.Core.Text;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Rendering;

/// <summary>Block Kit for answers to <c>/papers</c>, the buttons and mentions.</summary>
public static class AnswerRenderer
{
    private const int ListingSummaryLength = 500;
    private const int SearchSummaryLength = 300;

    public static SlackMessage Render(PapersAnswer answer) => answer switch
    {
        PapersAnswer.EditionListing listing => Listing(listing.Edition),
        PapersAnswer.KeyPoints points => KeyPoints(points.Paper),
        PapersAnswer.AbstractText text => Abstract(text.Paper),
        PapersAnswer.SearchResults results => Search(results),
        PapersAnswer.Help help => Text(help.Text),
        PapersAnswer.Notice notice => Text(notice.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "Unknown answer kind."),
    };

    /// <summary>Text already written for the person (usage, a subscription's state), all of it, in as many sections as it takes.</summary>
    private static SlackMessage Text(string text) =>
        new(BlockKit.Fallback(text), BlockKit.Fit(BlockKit.Sections(Mrkdwn.Escape(text)).ToList<Block>()));

    /// <summary>A problem's message, already written for the person, shown as it is.</summary>
    public static SlackMessage Render(Problem problem) =>
        new(BlockKit.Fallback(problem.Message), [BlockKit.Section(Mrkdwn.Escape(problem.Message))]);

    public static SlackMessage KeyPoints(PaperRef paper)
    {
        var bullets = paper.Paper.KeyPoints.Count == 0
            ? "_The digest lists no key points for this paper._"
            : string.Join('\n', paper.Paper.KeyPoints.Select(p => "• " + Mrkdwn.FromMarkdown(p)));
        return PaperText(paper, "Key points", bullets);
    }

    public static SlackMessage Abstract(PaperRef paper)
    {
        var text = paper.Paper.Abstract.Length == 0 ? "_The digest has no abstract for this paper._" : Mrkdwn.FromMarkdown(paper.Paper.Abstract);
        return PaperText(paper, "Abstract", text);
    }

    /// <summary>The rank, upvotes, date and arXiv link of a paper, as context elements.</summary>
    public static IEnumerable<string> PaperFacts(DateOnly date, Paper paper)
    {
        yield return $"#{paper.Rank}";
        if (paper.Upvotes is { } upvotes)
            yield return $"▲ {upvotes} upvotes";
        yield return EditionDates.ToText(date);
        if (paper.ArxivAbsUrl is { } arxiv)
            yield return Mrkdwn.Link(arxiv, $"arXiv {paper.ArxivId}");
    }

    private static SlackMessage PaperText(PaperRef paper, string what, string mrkdwnBody)
    {
        var title = $"{paper.Paper.Rank}. {paper.Paper.Title}";
        List<Block> blocks = [BlockKit.Header(title), .. BlockKit.Sections($"*{what}*\n{mrkdwnBody}"), BlockKit.Context(PaperFacts(paper.Date, paper.Paper))];
        return new SlackMessage(BlockKit.Fallback($"{what} of {title}"), BlockKit.Fit(blocks));
    }

    private static SlackMessage Listing(Edition edition)
    {
        var date = EditionDates.ToText(edition.Date);
        List<Block> blocks = [BlockKit.Header($"Papers of {date}")];
        foreach (var paper in edition.Papers)
        {
            var upvotes = paper.Upvotes is { } u ? $"  ▲ {u}" : "";
            var summary = TextLimits.Truncate(Mrkdwn.FromMarkdown(paper.Summary), ListingSummaryLength);
            var points = BlockKit.Button("Key points", PaperButtons.KeyPointsAction, PaperButton.KeyPoints(edition.Date, paper.Rank));
            blocks.Add(BlockKit.Section($"*{paper.Rank}. {Mrkdwn.Link(paper.Url, paper.Title)}*{upvotes}\n{summary}", points));
        }
        blocks.Add(BlockKit.Context([Mrkdwn.Escape("`/papers points <rank>` · `/papers abstract <rank>` · `/papers help`")]));
        var fallback = $"Papers of {date}: " + string.Join("; ", edition.Papers.Select(p => $"{p.Rank}. {p.Title}"));
        return new SlackMessage(BlockKit.Fallback(fallback), BlockKit.Fit(blocks));
    }

    private static SlackMessage Search(PapersAnswer.SearchResults results)
    {
        List<Block> blocks = [BlockKit.Header($"Search: {results.Query}")];
        foreach (var hit in results.Hits)
        {
            var summary = TextLimits.Truncate(Mrkdwn.FromMarkdown(hit.Paper.Summary), SearchSummaryLength);
            blocks.Add(BlockKit.Section($"*{EditionDates.ToText(hit.Date)} #{hit.Paper.Rank}* {Mrkdwn.Link(hit.Paper.Url, hit.Paper.Title)}\n{summary}"));
        }
        var fallback = $"{results.Hits.Count} papers match \"{results.Query}\"";
        return new SlackMessage(BlockKit.Fallback(fallback), BlockKit.Fit(blocks));
    }
}
