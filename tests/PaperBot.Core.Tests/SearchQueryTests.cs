using PaperBot.Core.Commands;
using PaperBot.Core.Queries;
using PaperBot.Core.Results;
using PaperBot.Testing;

namespace PaperBot.Core.Tests;

public sealed class SearchQueryTests
{
    private readonly PapersService _service = new(SampleEditions.Archive());

    [Theory]
    [InlineData("  diffusion   models ", "diffusion models")]
    [InlineData("diffusion\0models", "diffusion models")]
    [InlineData("\u0001diffusion\r\n\tmodels\u007f", "diffusion models")]
    [InlineData("emoji 🧠 kept", "emoji 🧠 kept")]
    [InlineData("강화\u0000학습", "강화 학습")]
    public void Control_characters_and_broken_surrogates_are_cleaned_away(string text, string cleaned)
    {
        var query = SearchQuery.Parse(text).Value;

        Assert.Equal(cleaned, query.Text);
        Assert.Equal(cleaned.Split(' '), query.Words);
    }

    [Fact]
    public void Unpaired_surrogate_halves_are_dropped()
    {
        // Built in code: an attribute argument cannot hold half a surrogate pair.
        var text = "broken" + '\ud800' + " half" + '\udc00';

        Assert.Equal("broken half", SearchQuery.Parse(text).Value.Text);
    }

    [Fact]
    public void The_bounds_are_the_same_words_everywhere()
    {
        Assert.True(SearchQuery.Parse(new string('a', SearchQuery.MaxLength)).IsSuccess);
        Assert.True(SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("ab", SearchQuery.MaxWords))).IsSuccess);

        Assert.Equal("The search is 201 characters long; at most 200 are searched. Search for up to 16 words (200 characters), such as \"diffusion transformer\" or \"강화 학습\".",
            SearchQuery.Parse(new string('a', 201)).Problem!.Message);
        Assert.StartsWith("The search has 17 words; at most 16 are searched.", SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("ab", 17))).Problem!.Message);
        Assert.StartsWith("There are no words to search for.", SearchQuery.Parse("\0 \u0007").Problem!.Message);
    }

    [Fact]
    public async Task A_thousand_words_are_answered_with_the_bounds_not_a_failure()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"w{i}"));

        var answer = await _service.AnswerAsync(new PapersCommand.Search(words), null);

        var problem = Assert.IsType<BadSearch>(answer.Problem);
        Assert.Contains("1000 words; at most 16", problem.Message);
    }

    [Fact]
    public async Task A_nul_in_search_text_is_searched_as_a_space()
    {
        var answer = await _service.AnswerAsync(new PapersCommand.Search("Programmatic\0Skill"), null);

        var results = Assert.IsType<PapersAnswer.SearchResults>(answer.Value);
        Assert.Equal("Programmatic Skill", results.Query);
        Assert.Contains(results.Hits, h => h.Paper.Title == "Evolving Programmatic Skill Networks");
    }
}
