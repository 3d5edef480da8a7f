using System.Globalization;
using System.Text.Json;
using PaperBot.Corpus;
using PaperBot.Testing;
using Xunit;

namespace PaperBot.Digest.Tests;

/// <summary>The corpus generator of the tests and benchmarks writes digests the real parser reads back exactly.</summary>
public sealed class GeneratedCorpusTests
{
    private static readonly IReadOnlyList<GeneratedDigest> Default = DigestCorpus.Generate(DigestCorpus.DefaultStart, DigestCorpus.DefaultEnd);

    [Fact]
    public void Every_generated_digest_parses_to_the_dates_and_papers_it_was_generated_with()
    {
        Assert.Equal(71, Default.Count);
        foreach (var digest in Default)
        {
            var edition = Parsing.Edition(digest.ToBytes(), digest.FileName);

            Assert.Equal(digest.Date, edition.Date);
            Assert.Equal(DigestCorpus.PapersPerDigest, edition.Papers.Count);
            foreach (var (want, got) in digest.Papers.Zip(edition.Papers))
            {
                Assert.Equal(want.Rank, got.Rank);
                Assert.Equal(want.Title, got.Title);
                Assert.Equal(want.Url, got.Url);
                Assert.Equal(want.ArxivId, got.ArxivId);
                Assert.Equal(want.Upvotes, got.Upvotes);
                Assert.Equal(want.Thumbnail, got.Thumbnail);
                Assert.Equal(want.Summary, got.Summary);
                Assert.Equal(want.Abstract, got.Abstract);
                Assert.Equal(want.KeyPoints, got.KeyPoints);
                Assert.Equal(want.FigurePaths, got.Figures);
                Assert.Empty(got.OtherSections);
            }
        }
        Assert.Contains(Default, d => d.Papers.Any(p => p.Figures > 0));
    }

    [Fact]
    public void The_default_range_has_the_dates_of_the_generated_fixture_digests()
    {
        var fixtureDates = DigestManifest.FileNames
            .Where(name => name != Path.GetFileName(SharedPaths.OriginalDigest))
            .Select(name => DateOnly.ParseExact(DigestManifest.For(name).Date, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(fixtureDates.Order(), Default.Select(d => d.Date));
    }

    [Fact]
    public void The_same_seed_gives_the_same_files_and_another_seed_other_papers()
    {
        var again = DigestCorpus.Generate(DigestCorpus.DefaultStart, DigestCorpus.DefaultEnd);
        var other = DigestCorpus.Generate(DigestCorpus.DefaultStart, DigestCorpus.DefaultEnd, seed: 7);

        Assert.Equal(Default.Select(d => (d.FileName, d.Markdown)), again.Select(d => (d.FileName, d.Markdown)));
        Assert.Equal(Default.Select(d => d.Date), other.Select(d => d.Date));
        Assert.NotEqual(Default.Select(d => d.Markdown), other.Select(d => d.Markdown));
    }

    [Fact]
    public void Ten_years_are_one_digest_per_weekday_with_arxiv_ids_of_their_month_never_repeated()
    {
        var tenYears = DigestCorpus.Generate(DigestCorpus.TenYearsStart, DigestCorpus.TenYearsEnd);

        Assert.Equal(2609, tenYears.Count);
        Assert.All(tenYears, d => Assert.True(d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d.Date} is a weekend"));
        Assert.Equal(tenYears.Count, tenYears.Select(d => d.Date).Distinct().Count());
        Assert.Equal(tenYears.Count, tenYears.Select(d => d.FileName).Distinct().Count());
        var papers = tenYears.SelectMany(d => d.Papers.Select(p => (d.Date, p.ArxivId))).ToList();
        Assert.Equal(papers.Count, papers.Select(p => p.ArxivId).Distinct().Count());
        Assert.All(papers, p => Assert.StartsWith(p.Date.ToString("yyMM", CultureInfo.InvariantCulture) + ".", p.ArxivId));
        Assert.Equal(["2016-01-01.md", "daily_20160104.md"], tenYears.Take(2).Select(d => d.FileName));
        Assert.Matches("^002_[0-9a-f]{16}\\.txt$", tenYears[2].FileName);
    }

    [Fact]
    public void A_written_corpus_has_each_file_and_a_manifest_in_the_fixtures_format()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paperbot-corpus-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = DigestCorpus.WriteTo(folder, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 7));

            Assert.Equal(["2026-01-01.md", "2026-01-02.md", "2026-01-05.md", "2026-01-06.md", "2026-01-07.md"], written.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".md"));
            Assert.Equal(written.Select(d => d.FileName).Append("manifest.json").Order(StringComparer.Ordinal),
                Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var manifest = JsonSerializer.Deserialize<Dictionary<string, ExpectedEdition>>(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
            foreach (var digest in written)
            {
                Assert.Equal(digest.Markdown, File.ReadAllText(Path.Combine(folder, digest.FileName)));
                var entry = manifest[digest.FileName];
                Assert.Equal(digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), entry.Date);
                Assert.Equal(digest.Papers.Select(p => (p.Rank, p.Title, p.Url, p.ArxivId, (int?)p.Upvotes, p.Summary, p.Abstract, p.Figures)),
                    entry.Papers.Select(p => (p.Rank, p.Title, p.Url, p.ArxivId!, p.Upvotes, p.Summary, p.Abstract, p.Figures)));
                Assert.Equal(digest.Papers.SelectMany(p => p.KeyPoints), entry.Papers.SelectMany(p => p.KeyPoints));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
