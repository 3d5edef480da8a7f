using System.Text;
using Xunit;
using static PaperBot.Digest.Tests.Parsing;

namespace PaperBot.Digest.Tests;

/// <summary>Files that are not a digest come back as an <see cref="Core.Results.InvalidDigest"/> naming the file and the reason.</summary>
public sealed class InvalidDigestTests
{
    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { (byte)'\n', (byte)' ', (byte)'\r', (byte)'\n' })]
    public void An_empty_file_is_refused(byte[] content)
    {
        var problem = Failure(content, "empty.md");

        Assert.Equal("empty.md", problem.File);
        Assert.Equal("empty.md: the file is empty", problem.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes("# 2026-01-08 Daily Papers (Top 5)\n\n## 1. [Café](https://huggingface.co/papers/2601.02151)\n");

        var problem = Failure(latin1, "latin1.txt");

        Assert.Equal("latin1.txt", problem.File);
        Assert.Contains("not UTF-8", problem.Reason);
        Assert.Contains("byte offset 45", problem.Reason);
    }

    [Fact]
    public void A_file_without_a_date_heading_is_refused()
    {
        var problem = Failure("# Daily Papers\n\n" + Paper(1), "undated.md");

        Assert.Equal("undated.md", problem.File);
        Assert.StartsWith("undated.md: no date heading", problem.Message);
    }

    [Fact]
    public void A_date_that_is_no_real_day_is_refused()
    {
        var problem = Failure(DigestText("2025-02-30", Paper(1)), "feb30.md");

        Assert.Equal("feb30.md", problem.File);
        Assert.Contains("'2025-02-30', which is not a valid date", problem.Reason);
    }

    [Fact]
    public void A_digest_without_papers_is_refused()
    {
        var problem = Failure("# 2026-01-08 Daily Papers (Top 5)\n\nNothing today.\n", "quiet.md");

        Assert.Equal("quiet.md", problem.File);
        Assert.StartsWith("no papers", problem.Reason);
    }
}
