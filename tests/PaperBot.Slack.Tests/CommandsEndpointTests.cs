using System.Net;
using System.Text.Json.Nodes;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class CommandsEndpointTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonObject> ReplyTo(string text)
    {
        var response = await _host.CommandAsync(text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        SlackSpecs.AssertMessageWithinLimits(reply);
        return reply;
    }

    private static string AllText(JsonObject reply) => SlackCall.Strings(reply).Aggregate("", (a, b) => a + "\n" + b);

    [Theory]
    [InlineData("")]
    [InlineData("today")]
    public async Task Today_lists_the_latest_edition_privately(string text)
    {
        var reply = await ReplyTo(text);
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("2026-01-08", AllText(reply));
        Assert.Contains("Evolving Programmatic Skill Networks", AllText(reply));
    }

    [Fact]
    public async Task Today_public_answers_in_the_channel()
    {
        var reply = await ReplyTo("today public");
        Assert.Equal("in_channel", reply["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Day_lists_that_dates_edition()
    {
        var reply = await ReplyTo("day 2026-01-07");
        Assert.Contains("Earlier Day Paper on Retrieval", AllText(reply));
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Day_of_a_missing_date_says_which_dates_exist()
    {
        var reply = await ReplyTo("day 2026-01-01");
        Assert.Contains("2026-01-07", AllText(reply));
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Points_gives_every_key_point_of_the_paper()
    {
        var reply = await ReplyTo("points 3");
        var text = AllText(reply);
        Assert.Contains("3. Long Abstracts & <Angle> Brackets", text); // the header is plain_text, which Slack never parses
        for (var i = 1; i <= 12; i++)
            Assert.Contains($"Key point {i} with a <https://example.org/{i}|link>", text);
    }

    [Fact]
    public async Task Abstract_by_arxiv_id_and_date()
    {
        var reply = await ReplyTo("abstract 2601.03509 2026-01-07");
        Assert.Contains("An earlier appearance.", AllText(reply));
    }

    [Fact]
    public async Task Search_finds_papers_by_korean_words()
    {
        var response = await _host.CommandAsync("search 망각");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("Entropy-Adaptive Fine-Tuning", raw);
        Assert.Contains("망각", raw); // Hangul is sent as it is, not \u-escaped
    }

    [Fact]
    public async Task Help_shows_the_usage_with_angle_brackets_escaped()
    {
        var text = AllText(await ReplyTo("help"));
        Assert.Contains("/papers points &lt;paper&gt;", text);
    }

    [Theory]
    [InlineData("frobnicate", "I don't know `frobnicate`")]
    [InlineData("day yesterday", "is not a date")]
    [InlineData("points 9", "there is no paper 9")]
    public async Task Bad_input_gets_a_short_private_explanation_at_http_200(string text, string expected)
    {
        var reply = await ReplyTo(text);
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains(expected, AllText(reply));
    }

    [Fact]
    public async Task Unknown_words_show_the_usage()
    {
        Assert.Contains("Usage:", AllText(await ReplyTo("frobnicate")));
    }

    [Fact]
    public async Task Ssl_check_is_answered_with_an_empty_200()
    {
        var response = await _host.SendSignedAsync("/slack/commands", "ssl_check=1&token=x", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }
}
