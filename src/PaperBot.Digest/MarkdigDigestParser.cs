using Markdig;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Digest;

/// <summary>
/// Reads a daily-papers digest with Markdig's syntax tree. Bad input (empty, not UTF-8, no date heading,
/// no papers) comes back as an <see cref="InvalidDigest"/> naming the file; it never throws for it.
/// Stateless and thread-safe: one instance can serve every file.
/// </summary>
public sealed class MarkdigDigestParser : IDigestParser
{
    // Precise source locations let text be sliced from the original, inline markdown and all.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public Result<Edition> Parse(string fileName, ReadOnlySpan<byte> content)
    {
        var markdown = DigestDecoding.Decode(content, out var reason);
        if (markdown is null)
            return new InvalidDigest(fileName, reason);
        return DigestReader.Read(fileName, markdown, Markdown.Parse(markdown, Pipeline));
    }
}
