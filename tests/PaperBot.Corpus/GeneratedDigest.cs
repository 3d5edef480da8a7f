using System.Text;
using System.Text.Json.Serialization;

namespace PaperBot.Corpus;

/// <summary>One generated digest: its file name, its markdown, and what it must parse to.</summary>
public sealed record GeneratedDigest(string FileName, DateOnly Date, IReadOnlyList<GeneratedPaper> Papers, string Markdown)
{
    /// <summary>The file's content as written to disk: UTF-8 without a byte-order mark, <c>\n</c> line ends.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Markdown);
}

/// <summary>A paper as the parser must read it back; serialized with the names of <c>manifest.json</c>.</summary>
public sealed record GeneratedPaper(
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("arxiv_id")] string ArxivId,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("upvotes")] int Upvotes,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("abstract")] string Abstract,
    [property: JsonPropertyName("key_points")] IReadOnlyList<string> KeyPoints,
    [property: JsonPropertyName("figures")] int Figures)
{
    /// <summary>The thumbnail path as written in the digest, relative to the digest folder.</summary>
    [JsonIgnore]
    public string Thumbnail => $"images/{DigestMarkdown.Stem(Title)}_img.jpg";

    /// <summary>The extra figure paths as written in the digest.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FigurePaths =>
        Enumerable.Range(1, Figures).Select(i => $"images/{DigestMarkdown.Stem(Title)}_fig_{i}.png").ToList();
}
