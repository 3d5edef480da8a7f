using PaperBot.Core.Rendering;
using PaperBot.Testing;

namespace PaperBot.Core.Tests;

public sealed class ThreadLimitsTests
{
    [Fact]
    public void Replies_that_fit_are_kept_as_they_are()
    {
        IReadOnlyList<string> replies = ["a", "b", "c", "d", "e"];

        Assert.Same(replies, ThreadLimits.Bound(replies, last => last + "!"));
    }

    [Fact]
    public void More_replies_than_allowed_keep_the_first_five_the_last_ending_with_the_continuation()
    {
        var replies = Enumerable.Range(1, 2000).Select(i => i.ToString()).ToList();

        Assert.Equal(["1", "2", "3", "4", "5 (rest elsewhere)"], ThreadLimits.Bound(replies, last => last + " (rest elsewhere)"));
        Assert.Equal(5, ThreadLimits.MaxRepliesPerPaper);
    }

    [Theory]
    [InlineData("https://papers.example.org", "https://papers.example.org/editions/2026-01-08#paper-3")]
    [InlineData("https://papers.example.org/", "https://papers.example.org/editions/2026-01-08#paper-3")]
    [InlineData("http://127.0.0.1:5000/bot/", "http://127.0.0.1:5000/bot/editions/2026-01-08#paper-3")]
    public void With_a_public_url_a_paper_links_to_its_place_on_the_archive_page(string publicUrl, string expected)
    {
        var links = ArchiveLinks.Parse(publicUrl).Value;
        var paper = SampleEditions.Latest.PaperAtRank(3)!;

        Assert.Equal(expected, links.PaperPage(SampleEditions.LatestDate, 3));
        Assert.Equal(new Continuation("The rest is on the archive page:", expected), links.ContinuationOf(SampleEditions.LatestDate, paper));
    }

    [Fact]
    public void Without_a_public_url_the_continuation_gives_the_papers_own_url_when_it_is_http()
    {
        var paper = SampleEditions.Latest.PaperAtRank(3)!;

        Assert.Same(ArchiveLinks.None, ArchiveLinks.Parse(null).Value);
        Assert.Same(ArchiveLinks.None, ArchiveLinks.Parse(" ").Value);
        Assert.Null(ArchiveLinks.None.PaperPage(SampleEditions.LatestDate, 3));
        Assert.Equal(new Continuation("The full text is on the archive page. The paper:", paper.Url), ArchiveLinks.None.ContinuationOf(SampleEditions.LatestDate, paper));
        Assert.Equal(new Continuation("The full text is on the archive page.", null),
            ArchiveLinks.None.ContinuationOf(SampleEditions.LatestDate, paper with { Url = "javascript:alert(1)" }));
    }

    [Theory]
    [InlineData("papers.example.org")]
    [InlineData("/editions")]
    [InlineData("ftp://papers.example.org/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://papers.example.org/?a=1")]
    [InlineData("https://papers.example.org/#top")]
    [InlineData("https://user:pass@papers.example.org/")]
    [InlineData("https://papers example.org/")]
    public void A_public_url_that_is_not_an_absolute_http_url_is_refused_naming_the_setting(string publicUrl)
    {
        var parsed = ArchiveLinks.Parse(publicUrl);

        Assert.False(parsed.IsSuccess);
        Assert.StartsWith("Web:PublicUrl must be an absolute http(s) URL", parsed.Problem.Message);
    }
}
