using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;

namespace PaperBot.Tests.EndToEnd;

/// <summary>The whole bot in-process (<see cref="RunningBot"/>) with Discord and Slack pointed at the fakes, spoken to with signed requests.</summary>
internal sealed class PlatformBot : IAsyncDisposable
{
    private PlatformBot(RunningBot bot, PlatformFakes fakes)
    {
        Bot = bot;
        Fakes = fakes;
    }

    public RunningBot Bot { get; }

    public PlatformFakes Fakes { get; }

    /// <summary>Starts the bot on the workspace and waits until the digests are in the archive.</summary>
    public static async Task<PlatformBot> StartAsync(BotWorkspace workspace, PlatformFakes fakes)
    {
        var bot = await RunningBot.StartAsync(workspace.Digests, workspace.Database, fakes.Arguments());
        await RunningBot.EventuallyAsync(async () =>
            JsonNode.Parse(await bot.Client.GetStringAsync("/healthz"))!["latestEdition"]?.GetValue<string>() == RealDigest.LatestDate);
        return new PlatformBot(bot, fakes);
    }

    public Task<HttpResponseMessage> DiscordAsync(string body, string? signature = null) =>
        Bot.Client.SendAsync(Fakes.DiscordSigner.Request("/discord/interactions", body, signature));

    /// <summary>A signed interaction that must be answered with 200 and a response Discord would accept.</summary>
    public async Task<JsonElement> DiscordAnswerAsync(string body)
    {
        using var response = await DiscordAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var json = JsonDocument.Parse(text).RootElement.Clone();
        var violations = DiscordOpenApi.Validate("create_interaction_response", json)
            .Concat(DiscordLimitChecks.Check("create_interaction_response", json)).ToList();
        Assert.True(violations.Count == 0, "Discord would refuse this response:\n" + string.Join('\n', violations) + "\n" + text);
        return json;
    }

    public Task<HttpResponseMessage> SlackAsync(string path, string body, string contentType, string secret = PlatformFakes.SlackSigningSecret) =>
        Bot.Client.SendAsync(SlackSigner.Request(path, body, contentType, secret));

    public Task<HttpResponseMessage> SlackCommandAsync(string text) =>
        SlackAsync("/slack/commands", SlackBodies.Command(text, Fakes.ResponseUrls.UrlFor("cmd").ToString()), "application/x-www-form-urlencoded");

    /// <summary>A signed <c>/papers</c> that must be answered at once with 200 and a reply within Block Kit's limits.</summary>
    public async Task<JsonObject> SlackReplyAsync(string text)
    {
        using var response = await SlackCommandAsync(text);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var reply = JsonNode.Parse(body)!.AsObject();
        SlackSpecs.AssertMessageWithinLimits(reply);
        return reply;
    }

    public async ValueTask DisposeAsync() => await Bot.DisposeAsync();
}
