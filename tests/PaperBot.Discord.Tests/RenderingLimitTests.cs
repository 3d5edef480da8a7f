using System.Text.Json;
using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Rendering;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Wire;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

/// <summary>However long the digest's text, every message stays within Discord's limits.</summary>
public sealed class RenderingLimitTests
{
    private static readonly Paper Oversized = new(
        999, string.Join(' ', Enumerable.Repeat("Extraordinarily long title words", 60)), "https://huggingface.co/papers/2601.09999", "2601.09999", 12345,
        null, string.Concat(Enumerable.Repeat("요약 문장이 아주 길게 이어집니다. A summary sentence that goes on. ", 300)),
        string.Concat(Enumerable.Repeat("초록 ", 9000)),
        Enumerable.Range(1, 40).Select(i => $"Point {i}: " + string.Concat(Enumerable.Repeat("핵심 포인트 ", 90))).ToList(), [], []);

    [Fact]
    public void An_oversized_paper_still_renders_a_message_Discord_accepts()
    {
        var message = new EditionMessages(new ThumbnailResolver(null)).Paper(SampleEditions.LatestDate, Oversized);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(message, DiscordJson.Context.MessagePayload));
        Assert.Empty(DiscordOpenApi.Validate("create_message", json.RootElement));
        Assert.Empty(DiscordLimitChecks.Check("create_message", json.RootElement));
        var embed = json.RootElement.GetProperty("embeds")[0];
        Assert.EndsWith("…", embed.GetProperty("title").GetString());
        Assert.True(DiscordLimitChecks.EmbedLength(embed) <= 6000);
    }

    [Fact]
    public void Every_answer_about_an_oversized_paper_fits()
    {
        var paper = new PaperRef(SampleEditions.LatestDate, Oversized);
        var edition = new Edition(SampleEditions.LatestDate, Enumerable.Range(1, 60).Select(i => Oversized with { Rank = i }).ToList());
        PapersAnswer[] answers =
        [
            new PapersAnswer.KeyPoints(paper), new PapersAnswer.AbstractText(paper), new PapersAnswer.EditionListing(edition, true),
            new PapersAnswer.SearchResults(new string('q', 500), Enumerable.Range(0, 10).Select(_ => new SearchHit(paper.Date, Oversized, 1)).ToList()),
            new PapersAnswer.Help(new string('h', 5000)),
        ];

        foreach (var answer in answers)
        {
            using var json = JsonDocument.Parse(JsonSerializer.Serialize(AnswerMessages.From(answer), DiscordJson.Context.MessagePayload));
            Assert.Empty(DiscordOpenApi.Validate("update_original_webhook_message", json.RootElement));
            Assert.Empty(DiscordLimitChecks.Check("update_original_webhook_message", json.RootElement));
        }
    }

    [Fact]
    public void Thread_names_custom_ids_and_abstract_pieces_stay_within_their_limits()
    {
        Assert.True(EditionMessages.Thread(Oversized).Name.Length <= 100);
        Assert.True(PaperButton.Abstract(SampleEditions.LatestDate, int.MaxValue).Length <= 100);
        var pieces = EditionMessages.ThreadAbstract(Oversized, ArchiveLinks.None.ContinuationOf(SampleEditions.LatestDate, Oversized));
        Assert.Equal(ThreadLimits.MaxRepliesPerPaper, pieces.Count);
        Assert.All(pieces, p => Assert.True(p.Content!.Length <= 2000));
        Assert.EndsWith("*The full text is on the archive page. The paper:* <https://huggingface.co/papers/2601.09999>", pieces[^1].Content);
    }

    [Fact]
    public void Button_ids_carry_date_and_rank_back_to_the_command()
    {
        Assert.True(PaperButton.TryDecode(PaperButton.KeyPoints(SampleEditions.EarlierDate, 3), out var command));
        Assert.Equal(new PapersCommand.Points("3", SampleEditions.EarlierDate), command);
        Assert.False(PaperButton.TryDecode("papers:points:2026-02-30:3", out _));
        Assert.False(PaperButton.TryDecode("something-else", out _));
    }
}
