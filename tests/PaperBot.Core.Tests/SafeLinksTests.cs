using PaperBot.Core.Text;

namespace PaperBot.Core.Tests;

public sealed class SafeLinksTests
{
    [Theory]
    [InlineData("https://huggingface.co/papers/2601.02151", "https://huggingface.co/papers/2601.02151")]
    [InlineData("http://example.org", "http://example.org/")]
    [InlineData(" HTTPS://Example.ORG/a b ", "https://example.org/a%20b")]
    public void Http_and_https_urls_pass_in_canonical_form(string url, string canonical)
    {
        Assert.True(SafeLinks.IsHttp(url));
        Assert.Equal(canonical, SafeLinks.HttpUrl(url));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("javascript://example.org/%0aalert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("//evil.example/x")]
    [InlineData("images/figure.png")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("https:")]
    [InlineData("")]
    [InlineData(null)]
    public void Every_other_scheme_relative_or_malformed_url_is_refused(string? url)
    {
        Assert.False(SafeLinks.IsHttp(url));
        Assert.Null(SafeLinks.HttpUrl(url));
    }
}
