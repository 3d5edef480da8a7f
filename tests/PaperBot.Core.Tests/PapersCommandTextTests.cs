using PaperBot.Core.Commands;
using PaperBot.Core.Results;

namespace PaperBot.Core.Tests;

public sealed class PapersCommandTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_text_means_today(string? text) =>
        Assert.Equal(new PapersCommand.Today(false), PapersCommandText.Parse(text).Value);

    [Fact]
    public void Today_public_shows_to_the_channel() =>
        Assert.Equal(new PapersCommand.Today(true), PapersCommandText.Parse("today public").Value);

    [Fact]
    public void Day_takes_a_date_and_an_optional_public() =>
        Assert.Equal(new PapersCommand.Day(new DateOnly(2026, 1, 8), true), PapersCommandText.Parse("day 2026-01-08 public").Value);

    [Fact]
    public void A_bare_date_is_that_day() =>
        Assert.Equal(new PapersCommand.Day(new DateOnly(2026, 1, 8), false), PapersCommandText.Parse("2026-01-08").Value);

    [Fact]
    public void Points_take_title_words_and_a_trailing_date() =>
        Assert.Equal(new PapersCommand.Points("skill networks", new DateOnly(2026, 1, 8)), PapersCommandText.Parse("points skill networks 2026-01-08").Value);

    [Fact]
    public void Abstract_without_a_paper_leaves_the_paper_to_the_thread() =>
        Assert.Equal(new PapersCommand.Abstract(null, null), PapersCommandText.Parse("abstract").Value);

    [Fact]
    public void Search_keeps_all_words() =>
        Assert.Equal(new PapersCommand.Search("엔트로피 fine-tuning"), PapersCommandText.Parse("search 엔트로피 fine-tuning").Value);

    [Theory]
    [InlineData("frobnicate", "I don't know `frobnicate`")]
    [InlineData("day", "`day` needs a date")]
    [InlineData("day 2026-02-30", "`2026-02-30` is not a date")]
    [InlineData("search", "`search` needs words")]
    [InlineData("today loudly", "takes only `public`")]
    public void Bad_input_explains_and_shows_the_usage(string text, string reason)
    {
        var result = PapersCommandText.Parse(text);

        var problem = Assert.IsType<BadCommand>(result.Problem);
        Assert.Contains(reason, problem.Message);
        Assert.Contains("/papers points <paper>", problem.Message);
    }

    [Fact]
    public void A_question_in_a_thread_searches_when_it_is_no_verb() =>
        Assert.Equal(new PapersCommand.Search("what about robustness"), PapersCommandText.Parse("what about robustness", unknownAsSearch: true).Value);

    [Theory]
    [InlineData("subscribe", null, null)]
    [InlineData("subscribe 09:00", "09:00", null)]
    [InlineData("subscribe Asia/Seoul", null, "Asia/Seoul")]
    [InlineData("subscribe 18:30 America/New_York", "18:30", "America/New_York")]
    [InlineData("SUBSCRIBE Asia/Seoul 07:15", "07:15", "Asia/Seoul")]
    public void Subscribe_takes_a_time_and_a_zone_in_either_order(string text, string? time, string? zone) =>
        Assert.Equal(new PapersCommand.Subscribe(time, zone), PapersCommandText.Parse(text).Value);

    [Fact]
    public void Unsubscribe_and_status_take_nothing_more()
    {
        Assert.Equal(new PapersCommand.Unsubscribe(), PapersCommandText.Parse("unsubscribe").Value);
        Assert.Equal(new PapersCommand.Status(), PapersCommandText.Parse("status").Value);
        Assert.Contains("/papers subscribe [HH:MM] [Area/City]", PapersCommandText.Parse("status now").Problem!.Message);
        Assert.Contains("/papers subscribe [HH:MM] [Area/City]", PapersCommandText.Parse("subscribe 09:00 10:00").Problem!.Message);
    }
}
