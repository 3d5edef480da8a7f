using System.Text;
using PaperBot.Core.Domain;
using PaperBot.Core.Results;
using Xunit;

namespace PaperBot.Digest.Tests;

/// <summary>Runs the parser the way the bot does, on bytes, and unwraps the outcome for assertions.</summary>
internal static class Parsing
{
    private static readonly MarkdigDigestParser Parser = new();

    public static Result<Edition> Parse(string fileName, byte[] content) => Parser.Parse(fileName, content);

    public static Edition Edition(string markdown, string fileName = "digest.md") => Edition(Encoding.UTF8.GetBytes(markdown), fileName);

    public static Edition Edition(byte[] content, string fileName = "digest.md")
    {
        var result = Parser.Parse(fileName, content);
        Assert.True(result.IsSuccess, result.Problem?.Message);
        return result.Value;
    }

    public static InvalidDigest Failure(string markdown, string fileName = "digest.md") => Failure(Encoding.UTF8.GetBytes(markdown), fileName);

    public static InvalidDigest Failure(byte[] content, string fileName = "digest.md")
    {
        var result = Parser.Parse(fileName, content);
        Assert.False(result.IsSuccess, $"{fileName} parsed although it should not have");
        return Assert.IsType<InvalidDigest>(result.Problem);
    }

    /// <summary>A paper in the digest format, with every part optional, for building variants.</summary>
    public static string Paper(
        int rank,
        string title = "A Paper",
        string url = "https://huggingface.co/papers/2601.00001",
        string? upvotes = "**Upvotes**: 10",
        string? thumbnail = "![Thumbnail](images/a_paper_img.jpg)",
        string? summary = "### 📌 요약\nThe summary.",
        string? abstractSection = "### 📝 초록 (번역)\nThe abstract.",
        string? keyPoints = "### 🔑 핵심 포인트\n- First point.\n- Second point.",
        string? extra = null) =>
        string.Join("\n", new[]
        {
            $"## {rank}. [{title}]({url})", upvotes, "", thumbnail, "",
            summary, summary is null ? null : "",
            abstractSection, abstractSection is null ? null : "",
            keyPoints, extra, "", "---", "",
        }.Where(line => line is not null));

    public static string DigestText(string date, params string[] papers) =>
        $"# {date} Daily Papers (Top {papers.Length})\n\n" + string.Join("", papers);
}
