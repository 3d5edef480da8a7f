using PaperBot.Testing;
using Xunit;

namespace PaperBot.Digest.Tests;

/// <summary>The bot runs on <c>samples/digests/</c> by default, so every sample must parse, the original included.</summary>
public sealed class SampleDigestTests
{
    private static string SamplesFolder => Path.Combine(SharedPaths.RepositoryRoot, "samples", "digests");

    [Fact]
    public void Every_sample_digest_parses_to_its_manifest_date_and_papers()
    {
        var files = Directory.GetFiles(SamplesFolder);

        Assert.Contains(files, file => Path.GetFileName(file) == "000_6c4aed9f0dc1f396.txt");
        Assert.InRange(files.Length, 6, 12);
        foreach (var file in files)
        {
            var expected = DigestManifest.For(Path.GetFileName(file));
            var edition = Parsing.Edition(File.ReadAllBytes(file), Path.GetFileName(file));
            Assert.Equal(expected.Date, edition.Date.ToString("yyyy-MM-dd"));
            Assert.Equal(expected.Papers.Select(p => p.Title), edition.Papers.Select(p => p.Title));
        }
    }
}
