using PaperBot.Web.Preview;

namespace PaperBot.Tests.Preview;

public sealed class SlackMrkdwnTests
{
    [Theory]
    [InlineData("*bold* _italics_ ~strike~", "<strong>bold</strong> <em>italics</em> <s>strike</s>")]
    [InlineData("*bold _and italic_*", "<strong>bold <em>and italic</em></strong>")]
    [InlineData("snake_case_name and 2*3*4", "snake_case_name and 2*3*4")]
    [InlineData("* not bold *", "* not bold *")]
    [InlineData("*across\nlines*", "*across<br>lines*")]
    public void Styles_are_formatted_as_slack_shows_them(string mrkdwn, string html) =>
        Assert.Equal(html, SlackMrkdwn.ToHtml(mrkdwn));

    [Fact]
    public void Code_is_verbatim()
    {
        Assert.Equal("<code>*x* &lt;y&gt;</code>", SlackMrkdwn.ToHtml("`*x* &lt;y&gt;`"));
        Assert.Equal("<pre class=\"md-codeblock\"><code>a *b*\nc</code></pre>after", SlackMrkdwn.ToHtml("```a *b*\nc```\nafter"));
    }

    [Fact]
    public void Angle_links_and_bare_links_to_http_are_live()
    {
        var html = SlackMrkdwn.ToHtml("<https://arxiv.org/abs/2601.02151|arXiv *2601.02151*> and <https://example.org/?a=1&amp;b=2> and https://x.org/p.");

        Assert.Equal(
            "<a href=\"https://arxiv.org/abs/2601.02151\" rel=\"noopener noreferrer nofollow\">arXiv *2601.02151*</a> and " +
            "<a href=\"https://example.org/?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\">https://example.org/?a=1&amp;b=2</a> and " +
            "<a href=\"https://x.org/p\" rel=\"noopener noreferrer nofollow\">https://x.org/p</a>.",
            html);
    }

    [Theory]
    [InlineData("<javascript:alert(1)|click>", "click")]
    [InlineData("<data:text/html,x|click>", "click")]
    [InlineData("<mailto:a@b.org|mail>", "mail")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    public void Links_to_anything_but_http_show_their_text_only(string mrkdwn, string html) =>
        Assert.Equal(html, SlackMrkdwn.ToHtml(mrkdwn));

    [Fact]
    public void Slack_entities_are_decoded_once_then_everything_is_html_escaped()
    {
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;lt;", SlackMrkdwn.ToHtml("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;lt;"));
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;", SlackMrkdwn.ToHtml("<script>alert(1)</script>"));
        Assert.Equal("&quot;q&quot; &#x27;s&#x27; &lt;b", SlackMrkdwn.ToHtml("\"q\" 's' <b"));
    }

    [Fact]
    public void Mentions_show_as_names_and_never_as_markup()
    {
        Assert.Equal("<span class=\"mention\">@U061F7AUR</span> <span class=\"mention\">#papers</span> <span class=\"mention\">@here</span>",
            SlackMrkdwn.ToHtml("<@U061F7AUR> <#C123|papers> <!here>"));
        Assert.Equal("<span class=\"mention\">@&lt;img&gt;</span>", SlackMrkdwn.ToHtml("<@U1|&lt;img&gt;>"));
    }

    [Fact]
    public void Quotes_and_line_breaks()
    {
        Assert.Equal("<blockquote>quoted<br><strong>more</strong></blockquote>plain<br>next", SlackMrkdwn.ToHtml("> quoted\n> *more*\nplain\nnext"));
        Assert.Equal("&gt; not a quote", SlackMrkdwn.ToHtml("&gt; not a quote"));
    }

    [Fact]
    public void Korean_text_and_bullets_stay_readable()
    {
        Assert.Equal("<strong>핵심 포인트</strong><br>• 하나", SlackMrkdwn.ToHtml("*핵심 포인트*\n• 하나"));
        Assert.Equal("&#x1F4DA; <em>papers</em>", SlackMrkdwn.ToHtml("📚 _papers_"));
    }
}
