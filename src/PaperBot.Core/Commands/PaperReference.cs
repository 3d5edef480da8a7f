using System.Text.RegularExpressions;

namespace PaperBot.Core.Commands;

/// <summary>How a person named a paper: by rank, by arXiv id (or a link carrying one), or by title words.</summary>
public abstract partial record PaperReference
{
    private PaperReference() { }

    public sealed record ByRank(int Rank) : PaperReference;

    public sealed record ByArxivId(string ArxivId) : PaperReference;

    public sealed record ByTitleWords(string Words) : PaperReference;

    public static PaperReference Parse(string text)
    {
        var trimmed = text.Trim().TrimStart('#');
        if (int.TryParse(trimmed, out var rank) && rank is > 0 and < 1000)
            return new ByRank(rank);
        var arxiv = ArxivIdPattern().Match(trimmed);
        if (arxiv.Success && (arxiv.Length == trimmed.Length || trimmed.Contains('/')))
            return new ByArxivId(arxiv.Groups["id"].Value);
        return new ByTitleWords(text.Trim());
    }

    /// <summary>The arXiv id inside a paper link (Hugging Face or arXiv), or null. A version suffix is dropped.</summary>
    public static string? ArxivIdFromUrl(string url)
    {
        var match = ArxivIdPattern().Match(url);
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"(?<![\d.])(?<id>\d{4}\.\d{4,5})(?:v\d+)?(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivIdPattern();
}
