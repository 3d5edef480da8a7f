using PaperBot.Web.Preview;

namespace PaperBot.Tests.Preview;

public sealed class DiscordMarkdownTests
{
    [Theory]
    [InlineData("**bold**", "<strong>bold</strong>")]
    [InlineData("*italics* and _italics_", "<em>italics</em> and <em>italics</em>")]
    [InlineData("***both***", "<strong><em>both</em></strong>")]
    [InlineData("__underline__ ~~strike~~ ||spoiler||", "<u>underline</u> <s>strike</s> <span class=\"md-spoiler\">spoiler</span>")]
    [InlineData("*a **b** c*", "<em>a <strong>b</strong> c</em>")]
    [InlineData("snake_case_name stays", "snake_case_name stays")]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("\\*not italic\\*", "*not italic*")]
    [InlineData("**unclosed", "**unclosed")]
    public void Emphasis_is_formatted_as_discord_shows_it(string markdown, string html) =>
        Assert.Equal(html, DiscordMarkdown.ToHtml(markdown));

    [Theory]
    [InlineData("`x * 2` and `**raw**`", "<code>x * 2</code> and <code>**raw**</code>")]
    [InlineData("``a`b``", "<code>a`b</code>")]
    [InlineData("`unclosed", "`unclosed")]
    public void Inline_code_is_shown_verbatim(string markdown, string html) =>
        Assert.Equal(html, DiscordMarkdown.ToHtml(markdown));

    [Fact]
    public void A_code_block_keeps_its_lines_drops_its_language_and_formats_nothing()
    {
        var html = DiscordMarkdown.ToHtml("before\n```python\nx = **2**\n<b>\n```\nafter");

        Assert.Equal("before<pre class=\"md-codeblock\"><code>x = **2**\n&lt;b&gt;</code></pre>after", html);
    }

    [Fact]
    public void Masked_and_bare_http_links_are_live_with_a_safe_rel()
    {
        var html = DiscordMarkdown.ToHtml("[the **paper**](https://arxiv.org/abs/2601.02151) or https://example.org/x?a=1&b=2.");

        Assert.Equal(
            "<a href=\"https://arxiv.org/abs/2601.02151\" rel=\"noopener noreferrer nofollow\">the <strong>paper</strong></a> or " +
            "<a href=\"https://example.org/x?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\">https://example.org/x?a=1&amp;b=2</a>.",
            html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](data:text/html,<script>alert(1)</script>)")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("[click](/relative)")]
    public void Links_to_anything_but_http_stay_text(string markdown)
    {
        var html = DiscordMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Everything_is_html_escaped_first_so_markup_in_a_digest_shows_as_text()
    {
        var html = DiscordMarkdown.ToHtml("<script>alert(1)</script> & <img src=x onerror=alert(1)> \"quoted\" 'single'");

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &#x27;single&#x27;", html);
    }

    [Fact]
    public void A_link_address_cannot_break_out_of_its_attribute()
    {
        var html = DiscordMarkdown.ToHtml("[x](https://example.org/\"onmouseover=\"alert(1))");

        Assert.DoesNotContain("\"onmouseover", html);
    }

    [Fact]
    public void Quotes_headings_lists_and_line_breaks()
    {
        Assert.Equal("<blockquote>quoted<br>still</blockquote>not", DiscordMarkdown.ToHtml("> quoted\n> still\nnot"));
        Assert.Equal("a<blockquote>all<br>the rest</blockquote>", DiscordMarkdown.ToHtml("a\n>>> all\nthe rest"));
        Assert.Equal("<div class=\"md-h2\">Title</div>text", DiscordMarkdown.ToHtml("## Title\ntext"));
        Assert.Equal("<ul class=\"md-list\"><li>one</li><li><strong>two</strong></li></ul>", DiscordMarkdown.ToHtml("- one\n- **two**"));
        Assert.Equal("line one<br>line two<br><br>after a gap", DiscordMarkdown.ToHtml("line one\nline two\n\nafter a gap"));
    }

    [Fact]
    public void Korean_text_stays_readable_and_emoji_stay_whole()
    {
        Assert.Equal("<strong>초록</strong> 요약", DiscordMarkdown.ToHtml("**초록** 요약"));
        Assert.Equal("&#x1F4F0; <strong>Daily</strong>", DiscordMarkdown.ToHtml("📰 **Daily**"));
    }

    [Fact]
    public void Titles_take_formatting_but_no_links()
    {
        Assert.Equal("<em>A</em> [b](https://x.org) https://x.org", DiscordMarkdown.InlineToHtml("*A* [b](https://x.org) https://x.org"));
    }
}
