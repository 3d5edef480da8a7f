using PaperBot.Slack.Rendering;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class MrkdwnTests
{
    [Theory]
    [InlineData("**bold** text", "*bold* text")]
    [InlineData("an *italic* word", "an _italic_ word")]
    [InlineData("some `code` here", "some `code` here")]
    [InlineData("a [link](https://example.org/a?b=1&c=2) here", "a <https://example.org/a?b=1&amp;c=2|link> here")]
    [InlineData("<https://example.org>", "<https://example.org/|https://example.org>")]
    [InlineData("Q&A <tags> > less", "Q&amp;A &lt;tags&gt; &gt; less")]
    public void Digest_markdown_becomes_slack_mrkdwn(string markdown, string expected)
    {
        Assert.Equal(expected, Mrkdwn.FromMarkdown(markdown));
    }

    [Theory]
    [InlineData("hello <!channel> and <!here|here>")]
    [InlineData("ping <@U123> and <@U123|bob> and <#C123>")]
    [InlineData("[click](!channel) [x](javascript:alert(1))")]
    [InlineData("`<!everyone>` in code")]
    public void Digest_text_can_never_become_a_mention_or_broadcast(string markdown)
    {
        var mrkdwn = Mrkdwn.FromMarkdown(markdown);
        Assert.DoesNotContain("<!", mrkdwn);
        Assert.DoesNotContain("<@", mrkdwn);
        Assert.DoesNotContain("<#", mrkdwn);
    }

    [Fact]
    public void At_everyone_and_at_here_are_made_inert()
    {
        var mrkdwn = Mrkdwn.FromMarkdown("hey @everyone and @here and @channel");
        Assert.DoesNotContain("@everyone", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("@channel", mrkdwn, StringComparison.Ordinal);
        Assert.Contains("everyone", mrkdwn);
    }

    [Fact]
    public void Korean_text_and_paragraphs_survive()
    {
        var mrkdwn = Mrkdwn.FromMarkdown("첫 문단입니다.\n\n**둘째** 문단입니다.");
        Assert.Equal("첫 문단입니다.\n\n*둘째* 문단입니다.", mrkdwn.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Lines_that_look_like_markdown_blocks_stay_text()
    {
        Assert.Equal("# not a heading\n- not a list", Mrkdwn.FromMarkdown("# not a heading\n- not a list").Replace("\r\n", "\n"));
    }
}
