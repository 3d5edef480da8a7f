using System.Globalization;
using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Rendering;
using PaperBot.Core.Text;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Rendering;

/// <summary>The messages of a posted edition: the header, one embed per paper with its buttons, and each paper's thread.</summary>
internal sealed class EditionMessages(ThumbnailResolver thumbnails)
{
    /// <summary>Threads archive after a week without messages, long enough for a week's discussion.</summary>
    public const int ThreadAutoArchiveMinutes = 10080;

    public static MessagePayload Header(Edition edition)
    {
        var count = edition.Papers.Count;
        var text = $"📰 **Daily papers · {EditionDates.ToText(edition.Date)}** · {count} {(count == 1 ? "paper" : "papers")}\n" +
                   "Each paper below has its own thread for discussion. `/papers help` lists the commands.";
        return new MessagePayload { Content = TextLimits.Truncate(text, DiscordLimits.Content) };
    }

    public MessagePayload Paper(DateOnly date, Paper paper)
    {
        var embed = new EmbedComposer(Palette.Paper)
            .Title(RankedTitle(paper), paper.Url)
            .Description(paper.Summary)
            .Field("Key points", Bullets(paper.KeyPoints))
            .Field("Upvotes", paper.Upvotes is { } upvotes ? $"▲ {upvotes.ToString(CultureInfo.InvariantCulture)}" : "", inline: true)
            .Field("Rank", $"#{paper.Rank.ToString(CultureInfo.InvariantCulture)}", inline: true)
            .Field("arXiv", paper.ArxivId is null ? "" : Links.Masked(paper.ArxivId, paper.ArxivAbsUrl), inline: true)
            .Thumbnail(thumbnails.Resolve(paper))
            .Footer($"#{paper.Rank.ToString(CultureInfo.InvariantCulture)} · {EditionDates.ToText(date)}")
            .Build();
        return new MessagePayload { Embeds = [embed], Components = [Buttons(date, paper)] };
    }

    public static ThreadCreatePayload Thread(Paper paper) =>
        new(TextLimits.Truncate(TextLimits.Collapse(MarkdownLinks.OnlyHttp(RankedTitle(paper))), DiscordLimits.ThreadName), ThreadAutoArchiveMinutes);

    /// <summary>
    /// The abstract as the thread's first messages: split at natural boundaries, at most
    /// <see cref="ThreadLimits.MaxRepliesPerPaper"/> of them, the last then ending with where the rest is.
    /// </summary>
    public static IReadOnlyList<MessagePayload> ThreadAbstract(Paper paper, Continuation continuation)
    {
        var text = paper.Abstract.Trim().Length == 0
            ? "**Abstract**\nThe digest has no abstract for this paper."
            : "**Abstract**\n" + MarkdownLinks.OnlyHttp(paper.Abstract.Trim());
        var pieces = ThreadLimits.Bound(TextLimits.Split(text, DiscordLimits.Content), last => EndWith(last, ContinuationLine(continuation)));
        return [.. pieces.Select(piece => new MessagePayload { Content = piece })];
    }

    private static string ContinuationLine(Continuation continuation) =>
        continuation.Url is { } url && url.Length <= DiscordLimits.Content / 2 && Links.IsUsable(url, DiscordLimits.EmbedUrl)
            ? $"*{continuation.Text}* <{url}>"
            : $"*{continuation.Text}*";

    private static string EndWith(string piece, string line) =>
        TextLimits.Truncate(piece, DiscordLimits.Content - line.Length - 2) + "\n\n" + line;

    /// <summary>What a paper's card becomes when a revised digest drops the paper: no buttons, nothing to ask about.</summary>
    public static MessagePayload WithdrawnCard(DateOnly date, int rank)
    {
        var day = EditionDates.ToText(date);
        var embed = new EmbedComposer(Palette.Withdrawn)
            .Title($"Paper #{rank.ToString(CultureInfo.InvariantCulture)} was withdrawn from the {day} edition")
            .Description("The digest was revised and no longer lists this paper. The other papers of the day are unchanged; `/papers day " + day + "` shows the edition as it stands.")
            .Footer($"#{rank.ToString(CultureInfo.InvariantCulture)} · {day} · withdrawn")
            .Build();
        return new MessagePayload { Embeds = [embed], Components = [] };
    }

    /// <summary>What a message in a paper's thread becomes when a revised digest no longer needs it.</summary>
    public static MessagePayload RemovedReply() =>
        new() { Content = "*This part was removed when the digest was revised.*" };

    public static string RankedTitle(Paper paper) => $"{paper.Rank.ToString(CultureInfo.InvariantCulture)}. {paper.Title}";

    public static string Bullets(IReadOnlyList<string> points)
    {
        if (points.Count == 0)
            return "";
        var lines = new string[points.Count];
        for (var i = 0; i < points.Count; i++)
            lines[i] = "• " + points[i].Trim();
        return string.Join('\n', lines);
    }

    private static ComponentPayload Buttons(DateOnly date, Paper paper)
    {
        var buttons = new List<ComponentPayload>(4)
        {
            new() { Type = 2, Style = 1, Label = "Key points", CustomId = PaperButton.KeyPoints(date, paper.Rank) },
            new() { Type = 2, Style = 2, Label = "Abstract", CustomId = PaperButton.Abstract(date, paper.Rank) },
        };
        if (Links.IsUsable(paper.Url, DiscordLimits.ButtonUrl))
            buttons.Add(new ComponentPayload { Type = 2, Style = 5, Label = "Paper", Url = paper.Url });
        if (Links.IsUsable(paper.ArxivPdfUrl, DiscordLimits.ButtonUrl))
            buttons.Add(new ComponentPayload { Type = 2, Style = 5, Label = "PDF", Url = paper.ArxivPdfUrl });
        return new ComponentPayload { Type = 1, Components = [.. buttons] };
    }
}
