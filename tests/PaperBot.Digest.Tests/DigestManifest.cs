using System.Text.Json;
using System.Text.Json.Serialization;
using PaperBot.Testing;

namespace PaperBot.Digest.Tests;

/// <summary><c>tests/fixtures/digests/manifest.json</c>: what each fixture digest must parse to.</summary>
internal static class DigestManifest
{
    private static readonly Lazy<IReadOnlyDictionary<string, ExpectedEdition>> Entries = new(Load);

    public static ExpectedEdition For(string fileName) => Entries.Value[fileName];

    public static IEnumerable<string> FileNames => Entries.Value.Keys.Order(StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, ExpectedEdition> Load()
    {
        using var stream = File.OpenRead(Path.Combine(SharedPaths.Digests, "manifest.json"));
        return JsonSerializer.Deserialize<Dictionary<string, ExpectedEdition>>(stream)
            ?? throw new InvalidDataException("manifest.json is empty");
    }
}

internal sealed record ExpectedEdition(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("papers")] IReadOnlyList<ExpectedPaper> Papers);

internal sealed record ExpectedPaper(
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("arxiv_id")] string? ArxivId,
    [property: JsonPropertyName("upvotes")] int? Upvotes,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("abstract")] string Abstract,
    [property: JsonPropertyName("key_points")] IReadOnlyList<string> KeyPoints,
    [property: JsonPropertyName("figures")] int Figures);
