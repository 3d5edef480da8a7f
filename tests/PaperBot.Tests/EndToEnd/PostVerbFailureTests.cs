using System.Text.Json;
using PaperBot.Testing.Discord;

namespace PaperBot.Tests.EndToEnd;

/// <summary><c>post</c> when a channel refuses, and <c>post --dry-run</c>.</summary>
public sealed class PostVerbFailureTests : IAsyncLifetime
{
    private const string SecondDiscordChannel = "1100000000000000002";

    private readonly BotWorkspace _workspace = new();
    private PlatformFakes _fakes = null!;

    public async Task InitializeAsync() => _fakes = await PlatformFakes.StartAsync();

    [Fact]
    public async Task An_unknown_slack_channel_fails_the_run_with_exit_code_one_while_discord_still_gets_everything()
    {
        _fakes.Slack.Refuse(PlatformFakes.SlackChannel, "channel_not_found");

        var outcome = await PostAsync();

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"slack channel {PlatformFakes.SlackChannel}", outcome.Error);
        Assert.Contains("channel_not_found", outcome.Error);
        Assert.Contains($"discord channel {PlatformFakes.DiscordChannel}: posted {_fakes.Discord.Requests.Count} item(s)", outcome.Output);
        Assert.Equal(6, _fakes.Discord.To("create_message").Count(r => r.ChannelId == PlatformFakes.DiscordChannel));
        Assert.Equal(5, _fakes.Discord.To("create_thread_from_message").Count);
    }

    [Fact]
    public async Task An_unknown_discord_channel_fails_the_run_while_the_next_discord_channel_still_gets_everything()
    {
        _fakes.Discord.BreakChannel(PlatformFakes.DiscordChannel, FakeFault.UnknownChannel);
        var discordOnly = new Dictionary<string, string?>
        {
            ["Discord:Channels:1"] = SecondDiscordChannel,
            ["Slack:SigningSecret"] = null, ["Slack:BotToken"] = null, ["Slack:ApiBaseUrl"] = null, ["Slack:Channels:0"] = null,
        };

        var outcome = await PostAsync(discordOnly);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"discord channel {PlatformFakes.DiscordChannel}", outcome.Error);
        Assert.Matches($@"discord channel {SecondDiscordChannel}: posted \d+ item\(s\)", outcome.Output);
        Assert.Equal(5, _fakes.Discord.ThreadsIn(SecondDiscordChannel).Count);
        Assert.Equal(6, _fakes.Discord.To("create_message").Count(r => r.ChannelId == SecondDiscordChannel));
    }

    [Fact]
    public async Task Dry_run_prints_every_request_body_as_json_and_sends_nothing()
    {
        var outcome = await PostAsync(options: "--dry-run");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Empty(_fakes.Discord.Requests);
        Assert.Empty(_fakes.Slack.Calls);
        var bodies = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#')).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        // Per channel: the header, each paper, its thread (Discord) and the thread's first message(s).
        Assert.True(bodies.Count >= 2 * (1 + 5 + 5), $"only {bodies.Count} bodies:\n{outcome.Output}");
        Assert.Contains($"# discord channel {PlatformFakes.DiscordChannel}, edition {RealDigest.LatestDate}", outcome.Output);
        Assert.Contains($"# slack channel {PlatformFakes.SlackChannel}, edition {RealDigest.LatestDate}", outcome.Output);
        var printed = string.Join('\n', bodies.SelectMany(Strings));
        foreach (var paper in RealDigest.Latest.Papers)
            Assert.Contains(paper.Title, printed);
        Assert.DoesNotContain(PlatformFakes.DiscordBotToken, outcome.Output + outcome.Error);
        Assert.DoesNotContain(PlatformFakes.SlackBotToken, outcome.Output + outcome.Error);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };

    private Task<BotProcess.Outcome> PostAsync(IReadOnlyDictionary<string, string?>? overrides = null, params string[] options) =>
        BotProcess.RunAsync(_workspace.Root, _fakes.Environment(_workspace, overrides), ["post", .. options]);

    public async Task DisposeAsync()
    {
        await _fakes.DisposeAsync();
        _workspace.Dispose();
    }
}
