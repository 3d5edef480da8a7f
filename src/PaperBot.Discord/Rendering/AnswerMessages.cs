using System.Globalization;
using System.Text;
using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Results;
using PaperBot.Core.Text;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Rendering;

/// <summary>Replies to <c>/papers</c> and the paper buttons. Everything is ephemeral except a listing asked for in public.</summary>
internal static class AnswerMessages
{
    public static MessagePayload From(PapersAnswer answer) => answer switch
    {
        PapersAnswer.EditionListing listing => Listing(listing.Edition, listing.Public),
        PapersAnswer.KeyPoints points => KeyPoints(points.Paper),
        PapersAnswer.AbstractText text => Abstract(text.Paper),
        PapersAnswer.SearchResults results => Search(results.Query, results.Hits),
        PapersAnswer.Help help => Text(help.Text),
        PapersAnswer.Notice notice => Text(notice.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "Unknown answer kind."),
    };

    /// <summary>A short private explanation of what went wrong and what would work.</summary>
    public static MessagePayload From(Problem problem) => Text(problem.Message);

    public static MessagePayload Text(string text) =>
        new() { Content = TextLimits.Truncate(MarkdownLinks.OnlyHttp(text), DiscordLimits.Content), Flags = MessageFlags.Ephemeral };

    private static MessagePayload Listing(Edition edition, bool isPublic)
    {
        var lines = new StringBuilder();
        foreach (var paper in edition.Papers)
        {
            lines.Append("**").Append(paper.Rank.ToString(CultureInfo.InvariantCulture)).Append(".** ").Append(Links.Masked(paper.Title, paper.Url));
            if (paper.Upvotes is { } upvotes)
                lines.Append(" · ▲ ").Append(upvotes.ToString(CultureInfo.InvariantCulture));
            lines.Append('\n');
        }
        var embed = new EmbedComposer(Palette.Listing)
            .Title($"Daily papers · {EditionDates.ToText(edition.Date)}")
            .Description(lines.ToString())
            .Footer($"{edition.Papers.Count} papers · /papers points <rank> for key points, /papers abstract <rank> for the abstract")
            .Build();
        return new MessagePayload { Embeds = [embed], Flags = isPublic ? null : MessageFlags.Ephemeral };
    }

    private static MessagePayload KeyPoints(PaperRef paper)
    {
        var points = EditionMessages.Bullets(paper.Paper.KeyPoints);
        var embed = PaperEmbed(paper)
            .Description(points.Length == 0 ? "The digest lists no key points for this paper." : points)
            .Build();
        return new MessagePayload { Embeds = [embed], Flags = MessageFlags.Ephemeral };
    }

    private static MessagePayload Abstract(PaperRef paper)
    {
        var text = paper.Paper.Abstract.Trim();
        var composer = PaperEmbed(paper)
            .Description(text.Length == 0 ? "The digest has no abstract for this paper." : text);
        if (text.Length > DiscordLimits.EmbedDescription)
            composer.Field("Full abstract", Links.Masked(paper.Paper.ArxivId ?? paper.Paper.Title, paper.Paper.ArxivAbsUrl ?? paper.Paper.Url));
        return new MessagePayload { Embeds = [composer.Build()], Flags = MessageFlags.Ephemeral };
    }

    private static MessagePayload Search(string query, IReadOnlyList<SearchHit> hits)
    {
        var lines = new StringBuilder();
        foreach (var hit in hits)
        {
            lines.Append("**").Append(EditionDates.ToText(hit.Date)).Append(" #").Append(hit.Paper.Rank.ToString(CultureInfo.InvariantCulture))
                .Append("** ").Append(Links.Masked(hit.Paper.Title, hit.Paper.Url)).Append('\n');
        }
        var embed = new EmbedComposer(Palette.Search)
            .Title($"Search: {TextLimits.Collapse(query)}")
            .Description(lines.ToString())
            .Footer("/papers points <rank> <date> for a paper's key points")
            .Build();
        return new MessagePayload { Embeds = [embed], Flags = MessageFlags.Ephemeral };
    }

    private static EmbedComposer PaperEmbed(PaperRef paper) =>
        new EmbedComposer(Palette.Paper)
            .Title(EditionMessages.RankedTitle(paper.Paper), paper.Paper.Url)
            .Footer($"#{paper.Paper.Rank.ToString(CultureInfo.InvariantCulture)} · {EditionDates.ToText(paper.Date)}");
}
