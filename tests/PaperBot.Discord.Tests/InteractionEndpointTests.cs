using PaperBot.Core.Delivery;
using PaperBot.Core.Commands;
using System.Text.Json;
using PaperBot.Core.Domain;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

/// <summary>The endpoint end to end over HTTP, with signed requests, as Discord would call it.</summary>
public sealed class InteractionEndpointTests : IAsyncLifetime
{
    private const int Ephemeral = 64;
    private readonly InMemoryArchive _archive = SampleEditions.Archive();
    private InteractionHost _host = null!;

    public async Task InitializeAsync() => _host = await InteractionHost.StartAsync(_archive);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Ping_gets_pong()
    {
        using var response = await _host.PostAsync(InteractionBodies.Ping());

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Today_lists_the_latest_edition_privately()
    {
        var reply = await _host.AnswerAsync(InteractionBodies.Command("today"));

        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        Assert.Equal(Ephemeral, Flags(reply));
        var embed = Embed(reply);
        Assert.Contains("2026-01-08", embed.GetProperty("title").GetString());
        foreach (var paper in SampleEditions.Latest.Papers)
            Assert.Contains(paper.Title.Replace("[", "(").Replace("]", ")"), embed.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Today_with_public_is_shown_to_the_channel()
    {
        var reply = await _host.AnswerAsync(InteractionBodies.Command("today", options: ("public", true)));

        Assert.Null(Flags(reply));
        Assert.Contains("Evolving Programmatic Skill Networks", Embed(reply).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Day_shows_that_dates_edition_and_can_be_public()
    {
        var reply = await _host.AnswerAsync(InteractionBodies.Command("day", options: [("date", "2026-01-07"), ("public", true)]));

        Assert.Null(Flags(reply));
        Assert.Contains("Earlier Day Paper on Retrieval", Embed(reply).GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("2026-13-45", "YYYY-MM-DD")]
    [InlineData("yesterday", "YYYY-MM-DD")]
    [InlineData("2025-12-31", "Nearby: 2026-01-07")]
    public async Task A_bad_or_unknown_date_gets_a_private_explanation_not_an_error(string date, string expected)
    {
        var reply = await _host.AnswerAsync(InteractionBodies.Command("day", options: ("date", date)));

        Assert.Equal(Ephemeral, Flags(reply));
        Assert.Contains(expected, Content(reply));
    }

    [Fact]
    public async Task Points_by_rank_shows_the_title_and_every_key_point_in_Korean_unescaped()
    {
        using var response = await _host.PostAsync(InteractionBodies.Command("points", options: ("paper", "1")));
        var raw = await response.Content.ReadAsStringAsync();
        var reply = await _host.AnswerAsync(InteractionBodies.Command("points", options: ("paper", "1")));

        var paper = SampleEditions.Latest.Papers[0];
        var embed = Embed(reply);
        Assert.Equal(Ephemeral, Flags(reply));
        Assert.Contains(paper.Title, embed.GetProperty("title").GetString());
        foreach (var point in paper.KeyPoints)
            Assert.Contains(point, embed.GetProperty("description").GetString());
        Assert.Contains("치명적 망각", raw);
    }

    [Fact]
    public async Task Points_by_arXiv_id_and_date_finds_the_earlier_appearance()
    {
        var reply = await _host.AnswerAsync(InteractionBodies.Command("points", options: [("paper", "2601.03509"), ("date", "2026-01-07")]));

        Assert.Contains("Appeared twice.", Embed(reply).GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_rank_out_of_range_says_which_ranks_exist()
    {
        var reply = await _host.AnswerAsync(InteractionBodies.Command("points", options: ("paper", "9")));

        Assert.Equal(Ephemeral, Flags(reply));
        Assert.Contains("ranked 1 to 5", Content(reply));
    }

    [Fact]
    public async Task Points_without_a_paper_outside_a_thread_asks_which_paper()
    {
        var reply = await _host.AnswerAsync(InteractionBodies.Command("points"));

        Assert.Contains("Which paper?", Content(reply));
    }

    [Fact]
    public async Task A_long_abstract_is_cut_at_a_word_boundary_with_a_link_to_the_full_text()
    {
        var reply = await _host.AnswerAsync(InteractionBodies.Command("abstract", options: ("paper", "3")));

        var embed = Embed(reply);
        var description = embed.GetProperty("description").GetString()!;
        Assert.True(description.Length <= 4096);
        Assert.EndsWith("…", description);
        Assert.Contains(embed.GetProperty("fields").EnumerateArray(), f => f.GetProperty("value").GetString()!.Contains("https://arxiv.org/abs/2601.04000"));
    }

    [Fact]
    public async Task Search_lists_hits_and_a_search_without_hits_says_what_to_try()
    {
        var hits = await _host.AnswerAsync(InteractionBodies.Command("search", options: ("query", "diffusion")));
        var none = await _host.AnswerAsync(InteractionBodies.Command("search", options: ("query", "quantum gravity")));

        Assert.Contains("Scaling Diffusion World Models", Embed(hits).GetProperty("description").GetString());
        Assert.Equal(Ephemeral, Flags(none));
        Assert.Contains("Try fewer or other words", Content(none));
    }

    [Fact]
    public async Task Help_explains_every_subcommand()
    {
        var reply = await _host.AnswerAsync(InteractionBodies.Command("help"));

        foreach (var word in new[] { "today", "day", "points", "abstract", "search" })
            Assert.Contains($"/papers {word}", Content(reply));
    }

    [Fact]
    public async Task Inside_a_papers_thread_points_and_abstract_need_no_paper()
    {
        const string threadId = "1400000000000000002";
        await _archive.Record.PostedAsync(new DeliveryKey("discord", "645027906669510667", SampleEditions.LatestDate), ItemKey.Card(2), threadId);

        var points = await _host.AnswerAsync(InteractionBodies.Command("points", channelId: threadId));
        var summary = await _host.AnswerAsync(InteractionBodies.Command("abstract", channelId: threadId));

        Assert.Contains("REFLECT", Embed(points).GetProperty("description").GetString());
        Assert.Contains("개방형 체화 환경", Embed(summary).GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_key_points_and_abstract_buttons_answer_for_their_paper()
    {
        var points = await _host.AnswerAsync(InteractionBodies.Button(PaperButton.KeyPoints(SampleEditions.EarlierDate, 1)));
        var summary = await _host.AnswerAsync(InteractionBodies.Button(PaperButton.Abstract(SampleEditions.LatestDate, 4)));

        Assert.Equal(Ephemeral, Flags(points));
        Assert.Contains("Retrieval helps.", Embed(points).GetProperty("description").GetString());
        Assert.Contains("We study how diffusion-based world models scale.", Embed(summary).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Paper_autocomplete_offers_the_titles_of_the_chosen_or_latest_edition()
    {
        var latest = await _host.AnswerAsync(InteractionBodies.Autocomplete("points", "paper", ""));
        var earlier = await _host.AnswerAsync(InteractionBodies.Autocomplete("points", "paper", "", ("date", "2026-01-07")));
        var typed = await _host.AnswerAsync(InteractionBodies.Autocomplete("abstract", "paper", "diffusion"));

        Assert.Equal(8, latest.GetProperty("type").GetInt32());
        Assert.Equal(5, Choices(latest).Count);
        Assert.StartsWith("1. Entropy-Adaptive", Choices(latest)[0].Name);
        Assert.Equal("1", Choices(latest)[0].Value);
        Assert.Equal(3, Choices(earlier).Count);
        Assert.Equal([("4. Scaling Diffusion World Models", "4")], Choices(typed));
    }

    [Fact]
    public async Task Date_autocomplete_offers_at_most_25_dates_newest_first()
    {
        var archive = new InMemoryArchive(Enumerable.Range(0, 40)
            .Select(i => SampleEditions.Latest with { Date = new DateOnly(2025, 11, 1).AddDays(i) }).ToArray());
        await using var host = await InteractionHost.StartAsync(archive);

        var reply = await host.AnswerAsync(InteractionBodies.Autocomplete("day", "date", "2025"));

        var dates = Choices(reply).Select(c => c.Value).ToList();
        Assert.Equal(25, dates.Count);
        Assert.Equal("2025-12-10", dates[0]);
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
    }

    internal static int? Flags(JsonElement reply) =>
        reply.TryGetProperty("data", out var data) && data.TryGetProperty("flags", out var flags) ? flags.GetInt32() : null;

    internal static JsonElement Embed(JsonElement reply) => reply.GetProperty("data").GetProperty("embeds")[0];

    internal static string Content(JsonElement reply) => reply.GetProperty("data").GetProperty("content").GetString()!;

    private static List<(string Name, string Value)> Choices(JsonElement reply) =>
        reply.GetProperty("data").GetProperty("choices").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("value").GetString()!)).ToList();
}
