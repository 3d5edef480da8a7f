using PaperBot.Core.Text;

namespace PaperBot.Core.Tests;

public sealed class SafeLinksTests
{
    [Theory]
    [InlineData("https://huggingface.co/papers/2601.02151", "https://huggingface.co/papers/2601.02151")]
    [InlineData("http://example.org", "http://example.org/")]
    [InlineData("HTTPS://Example.ORG/a_(b)?q=1#f", "https://example.org/a_(b)?q=1#f")]
    [InlineData("https://arxiv.org/abs/2601.02151v2", "https://arxiv.org/abs/2601.02151v2")]
    public void Http_and_https_urls_pass_and_have_a_canonical_form(string url, string canonical)
    {
        Assert.True(SafeLinks.IsHttp(url));
        Assert.Equal(canonical, SafeLinks.HttpUrl(url));
    }

    [Theory]
    [InlineData(" HTTPS://Example.ORG/a b ", "https://example.org/a%20b")]
    [InlineData("https://example.org/\u200b", "https://example.org/%E2%80%8B")]
    public void A_url_with_white_space_or_invisible_characters_is_not_sent_as_written_but_has_a_canonical_form(string url, string canonical)
    {
        Assert.False(SafeLinks.IsHttp(url));
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
    [InlineData("data:image/png;base64,AAAA")]
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

    [Theory]
    [InlineData("https:\\\\evil.example")]
    [InlineData("https:evil.example")]
    [InlineData(" https://example.org")]
    [InlineData("https://example.org/a b")]
    [InlineData("https://example.org/\u0000")]
    [InlineData("https://exa\nmple.org/")]
    [InlineData("https://example.org/\u202e")]
    public void A_url_not_written_as_plain_http_is_not_sent_on_as_it_is(string url) => Assert.False(SafeLinks.IsHttp(url));
}
