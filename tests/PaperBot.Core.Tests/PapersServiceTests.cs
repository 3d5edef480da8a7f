using PaperBot.Core.Commands;
using PaperBot.Core.Queries;
using PaperBot.Core.Results;
using PaperBot.Testing;

namespace PaperBot.Core.Tests;

public sealed class PapersServiceTests
{
    private readonly PapersService _service = new(SampleEditions.Archive());

    [Fact]
    public async Task A_rank_without_a_date_is_in_the_latest_edition()
    {
        var paper = await _service.ResolvePaperAsync("2", null);

        Assert.Equal(SampleEditions.LatestDate, paper.Value.Date);
        Assert.Equal("Evolving Programmatic Skill Networks", paper.Value.Paper.Title);
    }

    [Fact]
    public async Task A_rank_with_a_date_is_in_that_edition()
    {
        var paper = await _service.ResolvePaperAsync("1", SampleEditions.EarlierDate);

        Assert.Equal("Earlier Day Paper on Retrieval", paper.Value.Paper.Title);
    }

    [Theory]
    [InlineData("2601.03509")]
    [InlineData("https://arxiv.org/abs/2601.03509v2")]
    [InlineData("https://huggingface.co/papers/2601.03509")]
    public async Task An_arxiv_id_or_link_finds_the_newest_appearance(string reference)
    {
        var paper = await _service.ResolvePaperAsync(reference, null);

        Assert.Equal(SampleEditions.LatestDate, paper.Value.Date);
        Assert.Equal(2, paper.Value.Paper.Rank);
    }

    [Fact]
    public async Task Title_words_find_a_paper_case_insensitively()
    {
        var paper = await _service.ResolvePaperAsync("RETRIEVAL earlier", null);

        Assert.Equal("Earlier Day Paper on Retrieval", paper.Value.Paper.Title);
    }

    [Fact]
    public async Task A_rank_out_of_range_says_which_ranks_exist()
    {
        var result = await _service.ResolvePaperAsync("9", null);

        var problem = Assert.IsType<RankOutOfRange>(result.Problem);
        Assert.Contains("ranked 1 to 5", problem.Message);
    }

    [Fact]
    public async Task An_unknown_date_names_the_nearest_editions()
    {
        var result = await _service.AnswerAsync(new PapersCommand.Day(new DateOnly(2026, 1, 20), false), null);

        var problem = Assert.IsType<UnknownDate>(result.Problem);
        Assert.Equal([SampleEditions.LatestDate, SampleEditions.EarlierDate], problem.Nearby);
    }

    [Fact]
    public async Task Points_without_a_paper_use_the_thread_paper_and_fail_helpfully_outside_one()
    {
        var thread = await _service.ResolvePaperAsync("3", SampleEditions.EarlierDate);

        var inThread = await _service.AnswerAsync(new PapersCommand.Points(null, null), thread.Value);
        var outside = await _service.AnswerAsync(new PapersCommand.Points(null, null), null);

        Assert.Equal("Third of the Earlier Day", Assert.IsType<PapersAnswer.KeyPoints>(inThread.Value).Paper.Paper.Title);
        Assert.IsType<PaperNotGiven>(outside.Problem);
    }

    [Fact]
    public async Task A_search_without_hits_suggests_other_words()
    {
        var result = await _service.AnswerAsync(new PapersCommand.Search("quantum gravity"), null);

        Assert.IsType<NoSearchHits>(result.Problem);
    }

    [Fact]
    public async Task An_empty_archive_says_so()
    {
        var result = await new PapersService(new InMemoryArchive()).AnswerAsync(new PapersCommand.Today(false), null);

        Assert.IsType<EmptyArchive>(result.Problem);
    }

    [Fact]
    public async Task Date_suggestions_are_newest_first_and_at_most_25()
    {
        var archive = new InMemoryArchive();
        for (var day = 0; day < 40; day++)
            archive.Add(SampleEditions.Latest with { Date = new DateOnly(2025, 1, 1).AddDays(day) });

        var suggestions = await new PapersService(archive).SuggestDatesAsync("2025-0");

        Assert.Equal(25, suggestions.Count);
        Assert.Equal("2025-02-09", suggestions[0].Value);
    }

    [Fact]
    public async Task Paper_suggestions_offer_the_titles_of_the_latest_edition()
    {
        var suggestions = await _service.SuggestPapersAsync("skill", null);

        var only = Assert.Single(suggestions);
        Assert.Equal("2. Evolving Programmatic Skill Networks", only.Label);
        Assert.Equal("2", only.Value);
    }
}
