using System.Net;
using System.Text.Json;
using PaperBot.Testing.Discord;

namespace PaperBot.Tests.EndToEnd;

/// <summary><c>/papers</c> on Discord through the whole bot: signed over HTTP, answered from the real SQLite archive of the real digests.</summary>
public sealed class DiscordInteractionTests : WholeBotTest
{
    private const int ChannelMessage = 4;
    private const int Ephemeral = 64;

    [Fact]
    public async Task Points_of_paper_two_answer_privately_with_its_title_and_every_key_point()
    {
        var reply = await Bot.DiscordAnswerAsync(InteractionBodies.Command("points", options: ("paper", "2")));

        Assert.Equal(ChannelMessage, reply.GetProperty("type").GetInt32());
        Assert.Equal(Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
        var embed = reply.GetProperty("data").GetProperty("embeds")[0];
        var paper = RealDigest.Paper(2);
        Assert.Contains(paper.Title, embed.GetProperty("title").GetString());
        Assert.Contains(RealDigest.LatestDate, embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal(3, paper.KeyPoints.Count);
        foreach (var point in paper.KeyPoints)
            Assert.Contains(point, embed.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Search_in_korean_finds_the_paper_that_says_it()
    {
        var reply = await Bot.DiscordAnswerAsync(InteractionBodies.Command("search", options: ("query", "엔트로피")));

        Assert.Equal(Ephemeral, reply.GetProperty("data").GetProperty("flags").GetInt32());
        var embed = reply.GetProperty("data").GetProperty("embeds")[0];
        Assert.Contains("엔트로피", embed.GetProperty("title").GetString());
        Assert.Contains(RealDigest.Paper(1).Title, embed.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Today_with_public_lists_the_latest_edition_to_the_whole_channel()
    {
        var reply = await Bot.DiscordAnswerAsync(InteractionBodies.Command("today", options: ("public", true)));

        Assert.Equal(ChannelMessage, reply.GetProperty("type").GetInt32());
        var data = reply.GetProperty("data");
        Assert.False(data.TryGetProperty("flags", out var flags) && flags.ValueKind == JsonValueKind.Number && (flags.GetInt32() & Ephemeral) != 0);
        var embed = data.GetProperty("embeds")[0];
        Assert.Contains(RealDigest.LatestDate, embed.GetProperty("title").GetString());
        foreach (var paper in RealDigest.Latest.Papers)
            Assert.Contains(paper.Title, embed.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_forged_signature_is_refused_with_401_and_nothing_is_answered()
    {
        var body = InteractionBodies.Command("points", options: ("paper", "2"));
        using var otherKey = new DiscordSigner();
        var forged = otherKey.Sign(DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), body);

        using var response = await Bot.DiscordAsync(body, forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(RealDigest.Paper(2).Title, await response.Content.ReadAsStringAsync());
    }
}
