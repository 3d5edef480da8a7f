using PaperBot.Testing;
using Xunit;

namespace PaperBot.Digest.Tests;

/// <summary>Every digest in <c>tests/fixtures/digests/</c> parses to exactly what <c>manifest.json</c> says.</summary>
public sealed class SharedDigestTests
{
    public static TheoryData<string> SharedDigests => new(DigestManifest.FileNames);

    [Fact]
    public void Every_shared_digest_file_is_listed_in_the_manifest()
    {
        var files = Directory.GetFiles(SharedPaths.Digests).Select(Path.GetFileName).Where(name => name != "manifest.json");
        Assert.Equal(files.Order(StringComparer.Ordinal), DigestManifest.FileNames);
    }

    [Theory]
    [MemberData(nameof(SharedDigests))]
    public void Parses_to_what_the_manifest_says(string fileName)
    {
        var expected = DigestManifest.For(fileName);

        var edition = Parsing.Edition(File.ReadAllBytes(Path.Combine(SharedPaths.Digests, fileName)), fileName);

        Assert.Equal(expected.Date, edition.Date.ToString("yyyy-MM-dd"));
        Assert.Equal(expected.Papers.Count, edition.Papers.Count);
        foreach (var (want, got) in expected.Papers.Zip(edition.Papers))
        {
            Assert.Equal(want.Rank, got.Rank);
            Assert.Equal(want.Title, got.Title);
            Assert.Equal(want.Url, got.Url);
            Assert.Equal(want.ArxivId, got.ArxivId);
            Assert.Equal(want.Upvotes, got.Upvotes);
            Assert.Equal(want.Summary, got.Summary);
            Assert.Equal(want.Abstract, got.Abstract);
            Assert.Equal(want.KeyPoints, got.KeyPoints);
            Assert.Equal(want.Figures, got.Figures.Count);
        }
    }

    [Fact]
    public void The_original_digest_keeps_thumbnails_and_figure_urls_as_written()
    {
        var edition = Parsing.Edition(File.ReadAllBytes(SharedPaths.OriginalDigest));

        var second = edition.PaperAtRank(2)!;
        Assert.Equal("images/Evolving_Programmatic_Skill_Networks_img.jpg", second.Thumbnail);
        Assert.Equal(["images/Evolving_Programmatic_Skill_Networks_fig_1.png"], second.Figures);
        Assert.Equal("images/Benchmark^2_Systematic_Evaluation_of_LLM_Benchmarks_img.jpg", edition.PaperAtRank(4)!.Thumbnail);
        Assert.All(edition.Papers, paper => Assert.Empty(paper.OtherSections));
    }
}
