using System.Text.Json;
using System.Text.Json.Nodes;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;

namespace PaperBot.Tests.EndToEnd;

/// <summary>Search text that broke the SQLite query (a NUL, a thousand words) is answered in chat, on both platforms, never with "Something went wrong".</summary>
public sealed class SearchBoundsTests : WholeBotTest
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static TheoryData<string, string> Queries => new()
    {
        { "엔트로피\0", "엔트로피" },
        { "Entropy\0Adaptive", RealDigest.Paper(1).Title },
        { string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"{Alphabet[i % 36]}{Alphabet[i / 36]}")), "at most 16 are searched" },
        { string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"word{i}")), "at most 16 are searched" },
    };

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Slack_search_answers_with_results_or_the_bounds(string query, string expected)
    {
        var reply = await Bot.SlackReplyAsync("search " + query);

        var text = string.Join("\n", SlackCall.Strings(reply));
        Assert.DoesNotContain("Something went wrong", text);
        Assert.Contains(expected, text);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Discord_search_answers_with_results_or_the_bounds(string query, string expected)
    {
        var reply = await Bot.DiscordAnswerAsync(InteractionBodies.Command("search", options: ("query", query)));

        var text = JsonNode.Parse(reply.GetProperty("data").GetRawText())!.ToJsonString(Readable);
        Assert.DoesNotContain("Something went wrong", text);
        Assert.Contains(expected, text);
    }
}
