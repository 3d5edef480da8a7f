using Markdig;
using Markdig.Syntax;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Digest;

/// <summary>
/// Reads a daily-papers digest with Markdig's syntax tree. Bad input (empty, not UTF-8, nested too deeply,
/// no date heading, no papers) comes back as an <see cref="InvalidDigest"/> naming the file; it never throws for it.
/// Stateless and thread-safe: one instance can serve every file.
/// </summary>
public sealed class MarkdigDigestParser : IDigestParser
{
    /// <summary>
    /// How deeply quotes, lists and inline brackets may nest. Real digests nest two or three levels; Markdig
    /// refuses deeper documents by throwing, which the parser turns into the file's own failure.
    /// </summary>
    public const int MaxNestingDepth = 64;

    // Precise source locations let text be sliced from the original, inline markdown and all.
    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder { MaximumNestingDepth = MaxNestingDepth }.UsePreciseSourceLocation().Build();

    public Result<Edition> Parse(string fileName, ReadOnlySpan<byte> content)
    {
        var markdown = DigestDecoding.Decode(content, out var reason);
        if (markdown is null)
            return new InvalidDigest(fileName, reason);
        var document = ParseMarkdown(markdown, out reason);
        return document is null ? new InvalidDigest(fileName, reason) : DigestReader.Read(fileName, markdown, document);
    }

    private static MarkdownDocument? ParseMarkdown(string markdown, out string reason)
    {
        reason = "";
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            reason = $"the markdown nests quotes, lists or brackets more than {MaxNestingDepth} levels deep";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Hostile text can find a fault in the markdown library itself: that file fails, not the ingest pass.
            reason = $"the markdown could not be parsed ({e.GetType().Name})";
        }
        return null;
    }
}
