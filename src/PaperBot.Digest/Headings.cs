using System.Globalization;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperBot.Digest;

/// <summary>What the <c>#</c> and <c>##</c> headings of a digest say: the edition's date, and each paper's rank, title and link.</summary>
internal static class Headings
{
    private const int DateLength = 10; // yyyy-MM-dd

    /// <summary>Reads <c>YYYY-MM-DD Daily Papers (Top N)</c>: false when the heading does not start with a date.</summary>
    /// <param name="written">The date as written, for the message when it is no real day.</param>
    public static bool StartsWithDate(string headingText, out DateOnly? date, out string written)
    {
        date = null;
        written = "";
        var text = headingText.AsSpan();
        if (text.Length < DateLength || !LooksLikeDate(text[..DateLength]) ||
            (text.Length > DateLength && !char.IsWhiteSpace(text[DateLength])))
            return false;

        written = text[..DateLength].ToString();
        if (DateOnly.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            date = parsed;
        return true;
    }

    /// <summary>
    /// A paper heading is <c>&lt;rank&gt;. [&lt;title&gt;](&lt;url&gt;)</c>. Without a link it is still a paper when it
    /// starts with a rank; then the title is the rest of the heading and the url is empty.
    /// </summary>
    public static PaperDraft? ReadPaper(HeadingBlock heading, SourceText source, int fallbackRank)
    {
        var text = source.InlineContent(heading, " ");
        var rank = Numbers.Leading(text.AsSpan().TrimStart('#'), out var afterRank);
        var link = FirstLink(heading.Inline);
        if (link is not null)
            return new PaperDraft(rank ?? fallbackRank, source.Children(link), link.Url ?? "");
        if (rank is null || afterRank.IsEmpty || afterRank[0] is not ('.' or ')'))
            return null;
        return new PaperDraft(rank.Value, afterRank[1..].Trim().ToString(), "");
    }

    private static bool LooksLikeDate(ReadOnlySpan<char> text) =>
        char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3]) &&
        text[4] == '-' && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6]) &&
        text[7] == '-' && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]);

    private static LinkInline? FirstLink(ContainerInline? container)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LinkInline { IsImage: false } link)
                return link;
            if (inline is ContainerInline nested && FirstLink(nested) is { } found)
                return found;
        }
        return null;
    }
}
