using System.Text;
using System.Text.RegularExpressions;

namespace PaperBot.Corpus;

/// <summary>Writes an edition in the upstream pipeline's digest format (the Korean headings of the original digest).</summary>
internal static partial class DigestMarkdown
{
    public static string Render(DateOnly date, IReadOnlyList<GeneratedPaper> papers)
    {
        var lines = new List<string> { $"# {date:yyyy-MM-dd} Daily Papers (Top {papers.Count})", "" };
        foreach (var paper in papers)
        {
            lines.Add($"## {paper.Rank}. [{paper.Title}]({paper.Url})");
            lines.Add($"**Upvotes**: {paper.Upvotes}");
            lines.AddRange(["", $"![Thumbnail]({paper.Thumbnail})", ""]);
            lines.AddRange(["### 📌 요약", paper.Summary, ""]);
            lines.AddRange(["### 📝 초록 (번역)", paper.Abstract, ""]);
            lines.Add("### 🔑 핵심 포인트");
            lines.AddRange(paper.KeyPoints.Select(point => "- " + point));
            if (paper.Figures > 0)
            {
                lines.Add("### 🖼️ 추가 자료");
                lines.AddRange(paper.FigurePaths.Select(path => $"![Figure]({path})"));
                lines.AddRange(["", ""]);
            }
            else
            {
                lines.Add("");
            }
            lines.AddRange(["---", ""]);
        }
        return new StringBuilder().AppendJoin('\n', lines).ToString();
    }

    /// <summary>The title as the pipeline names its image files: every run of other characters becomes one <c>_</c>.</summary>
    public static string Stem(string title) => NotWordOrCaret().Replace(title, "_").Trim('_');

    [GeneratedRegex(@"[^\w^]+")]
    private static partial Regex NotWordOrCaret();
}
