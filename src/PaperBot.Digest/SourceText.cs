using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperBot.Digest;

/// <summary>
/// Reads text back out of the original markdown by source position, so inline markup
/// (<c>**bold**</c>, <c>`code`</c>, links) reaches the platforms exactly as the digest wrote it.
/// </summary>
internal readonly struct SourceText(string markdown)
{
    /// <summary>The inline content of a heading or paragraph, lines joined by <paramref name="lineSeparator"/>.</summary>
    public string InlineContent(LeafBlock block, string lineSeparator = "\n") =>
        block.Inline is { FirstChild: { } first, LastChild: { } last }
            ? Slice(first.Span.Start, last.Span.End, lineSeparator)
            : "";

    /// <summary>The children of a container inline (a link's text, an emphasis' content).</summary>
    public string Children(ContainerInline container) =>
        container is { FirstChild: { } first, LastChild: { } last } ? Slice(first.Span.Start, last.Span.End, " ") : "";

    /// <summary>A paragraph's text with its inline markdown; any other block (a list, a quote, code) as written.</summary>
    public string BlockText(Block block) =>
        block is LeafBlock { Inline: not null } leaf and (ParagraphBlock or HeadingBlock { IsSetext: true })
            ? InlineContent(leaf)
            : Block(block);

    /// <summary>A whole block as written (a list, a quote, a code block), without its line endings' carriage returns.</summary>
    public string Block(Block block)
    {
        if (!IsInside(block.Span.Start, block.Span.End))
            return "";
        var verbatim = markdown.AsSpan(block.Span.Start, block.Span.Length).Trim();
        return verbatim.Contains('\r') ? verbatim.ToString().ReplaceLineEndings("\n") : verbatim.ToString();
    }

    /// <summary>The source between two inclusive positions; each line trimmed, joined by <paramref name="lineSeparator"/>.</summary>
    private string Slice(int start, int endInclusive, string lineSeparator)
    {
        if (!IsInside(start, endInclusive))
            return "";
        var span = markdown.AsSpan(start, endInclusive - start + 1);
        if (span.IndexOfAny('\n', '\r') < 0)
            return span.Trim().ToString();
        return JoinLines(span, lineSeparator);
    }

    private bool IsInside(int start, int endInclusive) => start >= 0 && endInclusive >= start && endInclusive < markdown.Length;

    private static string JoinLines(ReadOnlySpan<char> span, string lineSeparator)
    {
        var builder = new System.Text.StringBuilder(span.Length);
        foreach (var range in span.SplitAny('\n', '\r'))
        {
            var line = span[range].Trim();
            if (line.IsEmpty)
                continue;
            if (builder.Length > 0)
                builder.Append(lineSeparator);
            builder.Append(line);
        }
        return builder.ToString();
    }
}
