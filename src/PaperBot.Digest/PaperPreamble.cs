using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperBot.Digest;

/// <summary>What sits between a paper's heading and its first section: the <c>**Upvotes**: N</c> line and the thumbnail.</summary>
internal static class PaperPreamble
{
    private const string UpvotesLabel = "Upvotes";

    public static void Read(Block block, SourceText source, PaperDraft paper)
    {
        if (paper.Upvotes is null && block is ParagraphBlock paragraph)
            paper.Upvotes = Upvotes(paragraph, source);
        paper.Thumbnail ??= Images.First(block);
    }

    private static int? Upvotes(ParagraphBlock paragraph, SourceText source)
    {
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is not EmphasisInline emphasis)
                continue;
            // Both "**Upvotes**: 63" and "**Upvotes: 63**" are written by producers.
            var label = source.Children(emphasis);
            if (!label.StartsWith(UpvotesLabel, StringComparison.OrdinalIgnoreCase))
                continue;
            var value = label.Length > UpvotesLabel.Length ? label[UpvotesLabel.Length..] : RestOfLine(emphasis);
            return Numbers.Leading(value.AsSpan().TrimStart().TrimStart(':'), out _);
        }
        return null;
    }

    private static string RestOfLine(Inline after)
    {
        for (var inline = after.NextSibling; inline is not null and not LineBreakInline; inline = inline.NextSibling)
        {
            if (inline is LiteralInline literal)
                return literal.Content.ToString();
        }
        return "";
    }
}
