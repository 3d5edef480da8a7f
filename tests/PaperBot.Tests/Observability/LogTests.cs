using System.Net;
using System.Text.Json;
using PaperBot.Testing.Discord;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Observability;

/// <summary>What the bot writes to its console: JSON lines when asked, and never a token or a signing secret.</summary>
public sealed class LogTests : IAsyncLifetime
{
    private readonly BotWorkspace _workspace = new();
    private PlatformFakes _fakes = null!;

    public async Task InitializeAsync() => _fakes = await PlatformFakes.StartAsync();

    [Fact]
    public async Task Logging_Console_FormatterName_json_makes_every_line_one_json_object()
    {
        var environment = new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Digests__Path"] = _workspace.Digests,
            ["Storage__ConnectionString"] = $"Data Source={_workspace.Database}",
        };
        await using var bot = BotServer.Run(_workspace.Root, environment);
        await bot.WaitForAddressAsync();
        await bot.WaitForLineAsync(l => l.Contains("Digest ingest: 2 stored", StringComparison.Ordinal));
        await bot.StopAsync();

        Assert.True(bot.Output.Count >= 3, bot.AllText);
        foreach (var line in bot.Output)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            Assert.True(json.RootElement.TryGetProperty("Message", out _), line);
            Assert.True(json.RootElement.TryGetProperty("LogLevel", out _), line);
        }
        Assert.Contains(bot.Output, l => l.Contains("\"Category\":\"PaperBot.Hosting.StartupGuide\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_trace_level_no_token_or_signing_secret_appears_while_the_bot_answers_both_platforms_and_posts()
    {
        var environment = _fakes.Environment(_workspace);
        foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.AspNetCore.Hosting.Diagnostics", "System.Net.Http.HttpClient" })
            environment[$"Logging__LogLevel__{category}"] = "Trace";

        await using (var bot = BotServer.Run(_workspace.Root, environment))
        {
            using var http = new HttpClient { BaseAddress = await bot.WaitForAddressAsync() };
            await bot.WaitForLineAsync(l => l.Contains("Digest ingest: 2 stored", StringComparison.Ordinal));

            using (var discord = await http.SendAsync(_fakes.DiscordSigner.Request("/discord/interactions", InteractionBodies.Command("points", options: ("paper", "2")))))
                Assert.Equal(HttpStatusCode.OK, discord.StatusCode);
            using (var slack = await http.SendAsync(Testing.Slack.SlackSigner.Request("/slack/commands",
                       Testing.Slack.SlackBodies.Command("abstract 1", _fakes.ResponseUrls.UrlFor("trace").ToString()), "application/x-www-form-urlencoded", PlatformFakes.SlackSigningSecret)))
                Assert.Equal(HttpStatusCode.OK, slack.StatusCode);
            await bot.StopAsync();
            AssertNoSecret(bot.AllText);
            Assert.Contains("trce:", bot.AllText); // Trace was on
        }

        var post = await BotProcess.RunAsync(_workspace.Root, environment, "post");
        Assert.True(post.ExitCode == 0, post.Error);
        Assert.NotEmpty(_fakes.Discord.Requests);
        Assert.NotEmpty(_fakes.Slack.Posts);
        Assert.Contains("trce:", post.Error);
        AssertNoSecret(post.Output + post.Error);
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in new[] { PlatformFakes.DiscordBotToken, PlatformFakes.SlackBotToken, PlatformFakes.SlackSigningSecret })
            Assert.DoesNotContain(secret, text);
    }

    public async Task DisposeAsync()
    {
        await _fakes.DisposeAsync();
        _workspace.Dispose();
    }
}
