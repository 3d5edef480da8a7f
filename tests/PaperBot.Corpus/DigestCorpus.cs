using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Corpus;

/// <summary>
/// Generates digests in the upstream pipeline's format: one per weekday in a date range, five papers each, with
/// what each must parse to. Deterministic: the same range and seed give the same files, byte for byte.
/// </summary>
public static class DigestCorpus
{
    public const int DefaultSeed = 20260108;

    /// <summary>Bump when the output for a seed changes, so cached folders of the old output are not reused.</summary>
    public const int FormatVersion = 1;

    public const int PapersPerDigest = 5;

    /// <summary>The range of the generated digests among the fixtures: 2025-10-01 to 2026-01-07.</summary>
    public static readonly DateOnly DefaultStart = new(2025, 10, 1);
    public static readonly DateOnly DefaultEnd = new(2026, 1, 7);

    /// <summary>The benchmarks' archive: ten years, 2016-01-01 to 2025-12-31 (2,609 weekdays).</summary>
    public static readonly DateOnly TenYearsStart = new(2016, 1, 1);
    public static readonly DateOnly TenYearsEnd = new(2025, 12, 31);

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One digest per weekday from <paramref name="start"/> to <paramref name="end"/>, both included, oldest first.</summary>
    public static IReadOnlyList<GeneratedDigest> Generate(DateOnly start, DateOnly end, int seed = DefaultSeed)
    {
        var random = new CorpusRandom(seed);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var digests = new List<GeneratedDigest>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                continue;
            var papers = DayPapers(random, day, usedIds);
            digests.Add(new GeneratedDigest(FileName(random, day, digests.Count), day, papers, DigestMarkdown.Render(day, papers)));
        }
        return digests;
    }

    /// <summary>Writes the digests and <c>manifest.json</c> into <paramref name="folder"/> (created if missing; other files are left alone).</summary>
    public static IReadOnlyList<GeneratedDigest> WriteTo(string folder, DateOnly start, DateOnly end, int seed = DefaultSeed)
    {
        var digests = Generate(start, end, seed);
        Directory.CreateDirectory(folder);
        foreach (var digest in digests)
            File.WriteAllBytes(Path.Combine(folder, digest.FileName), digest.ToBytes());
        // Written last: a folder with a manifest is complete.
        File.WriteAllText(Path.Combine(folder, "manifest.json"), Manifest(digests));
        return digests;
    }

    /// <summary>
    /// A folder under the temp directory holding the corpus, generated on first use and reused afterwards
    /// (its name holds the range, the seed and <see cref="FormatVersion"/>). Safe when several processes ask at once.
    /// </summary>
    public static string Cached(DateOnly start, DateOnly end, int seed = DefaultSeed)
    {
        var folder = Path.Combine(Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"paperbot-corpus-{start:yyyyMMdd}-{end:yyyyMMdd}-seed{seed}-v{FormatVersion}"));
        if (File.Exists(Path.Combine(folder, "manifest.json")))
            return folder;

        var staging = $"{folder}.partial-{Environment.ProcessId}";
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        WriteTo(staging, start, end, seed);
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true); // left incomplete by an interrupted run
            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(Path.Combine(folder, "manifest.json")))
        {
            Directory.Delete(staging, recursive: true); // another process finished first
        }
        return folder;
    }

    /// <summary>The ten-year corpus, cached: see <see cref="Cached"/>.</summary>
    public static string CachedTenYears(int seed = DefaultSeed) => Cached(TenYearsStart, TenYearsEnd, seed);

    /// <summary><c>manifest.json</c>: for each file name, the date and the papers it must parse to.</summary>
    public static string Manifest(IEnumerable<GeneratedDigest> digests) =>
        JsonSerializer.Serialize(
            digests.ToDictionary(d => d.FileName, d => new ManifestEntry(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Papers)),
            ManifestJson);

    /// <summary>The pipeline's three naming styles in turn: <c>2025-10-01.md</c>, <c>daily_20251002.md</c>, <c>002_&lt;hex&gt;.txt</c>.</summary>
    private static string FileName(CorpusRandom random, DateOnly day, int index) => (index % 3) switch
    {
        0 => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".md",
        1 => "daily_" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".md",
        _ => string.Create(CultureInfo.InvariantCulture, $"{index:000}_{random.NextUInt64():x16}.txt"),
    };

    private static List<GeneratedPaper> DayPapers(CorpusRandom random, DateOnly day, HashSet<string> usedIds)
    {
        var papers = Enumerable.Range(1, PapersPerDigest).Select(rank => Paper(random, day, rank, usedIds)).ToList();
        var upvotes = papers.Select(_ => random.Between(5, 180)).OrderDescending().ToList();
        return papers.Select((paper, i) => paper with { Upvotes = upvotes[i] }).ToList();
    }

    private static GeneratedPaper Paper(CorpusRandom random, DateOnly day, int rank, HashSet<string> usedIds)
    {
        var title = Title(random);
        var method = title.Contains(':') ? title.Split(':')[0] : title.Split(' ')[0];
        var topic = random.Pick(Vocabulary.KoreanTopics);
        string arxivId;
        do
            arxivId = string.Create(CultureInfo.InvariantCulture, $"{day:yyMM}.{random.Between(1000, 9999):00000}");
        while (!usedIds.Add(arxivId));

        string Fill(string template) => template
            .Replace("{m}", method, StringComparison.Ordinal)
            .Replace("{t}", topic, StringComparison.Ordinal)
            .Replace("{n}", random.Between(3, 20).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{p}", random.Between(2, 40).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{s}", random.Pick(Vocabulary.ModelSizes).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var summary = Fill(random.Pick(Vocabulary.Openings)) + " " + Fill(random.Pick(Vocabulary.Sentences));
        var @abstract = string.Join(" ", random.Sample(Vocabulary.Sentences, random.Between(4, 7)).Select(Fill));
        var keyPoints = random.Sample(Vocabulary.Points, 3).Select(Fill).ToList();
        var figures = random.NextDouble() < 0.3 ? 1 : 0;
        return new GeneratedPaper(rank, title, arxivId, $"https://huggingface.co/papers/{arxivId}", Upvotes: 0, summary, @abstract, keyPoints, figures);
    }

    private static string Title(CorpusRandom random)
    {
        var kind = random.NextDouble();
        if (kind < 0.35)
            return $"{random.Pick(Vocabulary.Names)}: {random.Pick(Vocabulary.Methods)} {random.Pick(Vocabulary.Nouns)} for {random.Pick(Vocabulary.Tasks)}";
        if (kind < 0.7)
            return $"{random.Pick(Vocabulary.Methods)} {random.Pick(Vocabulary.Nouns)} Improves {random.Pick(Vocabulary.Tasks)}";
        return $"Scaling {random.Pick(Vocabulary.Nouns)} with {random.Pick(Vocabulary.Methods)} {random.Pick(Vocabulary.Nouns)}";
    }

    private sealed record ManifestEntry(
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("papers")] IReadOnlyList<GeneratedPaper> Papers);
}
