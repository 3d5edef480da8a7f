using Markdig.Parsers;
using Markdig.Syntax;

namespace PaperBot.Digest;

/// <summary>
/// Most of a digest is summary and abstract prose whose text is read straight from the source lines, so Markdig need
/// not build an inline tree for it (a quarter of the parse). Only paragraphs that may hold what the reader looks for
/// inside them, an image or the upvotes label, keep their inline tree.
/// </summary>
internal static class InlineParsingFilter
{
    public static void Install(ParagraphBlockParser paragraphs) => paragraphs.Closed += SkipInlinesUnlessNeeded;

    private static void SkipInlinesUnlessNeeded(BlockProcessor processor, Block block)
    {
        if (block is ParagraphBlock paragraph && !MayHoldImageOrUpvotes(paragraph))
            paragraph.ProcessInlines = false;
    }

    private static bool MayHoldImageOrUpvotes(ParagraphBlock paragraph)
    {
        var lines = paragraph.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Lines[i].Slice.AsSpan();
            if (line.Contains("![", StringComparison.Ordinal) || line.Contains("Upvotes", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
