using System.Net;
using System.Net.Sockets;

namespace PaperBot.Tests.EndToEnd;

/// <summary>A half-configured platform stops <c>run</c> at once, naming the setting to fix and never printing a secret.</summary>
public sealed class StartupRefusalTests : IDisposable
{
    private const string DiscordToken = "refusal-discord-token.DO-NOT-LEAK";
    private const string SlackToken = "xoxb-fake.refusal.DO.NOT.LEAK";

    private readonly BotWorkspace _workspace = new();

    [Fact]
    public async Task A_discord_bot_token_without_a_public_key_exits_2_naming_Discord_PublicKey()
    {
        var outcome = await RunAsync(new() { ["Discord__BotToken"] = DiscordToken, ["Discord__Channels__0"] = "1100000000000000001" });

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Discord:PublicKey", outcome.Error);
        AssertNoSecret(outcome);
    }

    [Fact]
    public async Task Slack_without_a_signing_secret_exits_2_naming_Slack_SigningSecret()
    {
        var outcome = await RunAsync(new() { ["Slack__BotToken"] = SlackToken, ["Slack__Channels__0"] = "C0PAPERS01" });

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Slack:SigningSecret", outcome.Error);
        AssertNoSecret(outcome);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("post")]
    public async Task Both_platforms_half_configured_exit_2_naming_both_settings(string verb)
    {
        var outcome = await RunAsync(new() { ["Discord__BotToken"] = DiscordToken, ["Slack__BotToken"] = SlackToken }, verb);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Discord:PublicKey", outcome.Error);
        Assert.Contains("Slack:SigningSecret", outcome.Error);
        Assert.DoesNotContain("Unhandled exception", outcome.Error);
        AssertNoSecret(outcome);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("post")]
    public async Task A_public_url_that_is_not_an_http_url_exits_2_naming_Web_PublicUrl(string verb)
    {
        var outcome = await RunAsync(new() { ["Web__PublicUrl"] = "papers.example.org" }, verb);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Web:PublicUrl must be an absolute http(s) URL", outcome.Error);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("show")]
    public async Task An_unreachable_postgres_archive_stops_the_bot_with_one_line_naming_the_setting(string verb)
    {
        var settings = new Dictionary<string, string>
        {
            ["Digests__Path"] = _workspace.Digests,
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=papers;Username=bot;Password=pg-secret.DO-NOT-LEAK;Timeout=2",
        };

        var outcome = verb == "run"
            ? await BotProcess.RunAsync(_workspace.Root, settings, "run", "--urls", "http://127.0.0.1:0")
            : await BotProcess.RunAsync(_workspace.Root, settings, verb);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("PaperBot stopped: the Postgres archive could not be opened", outcome.Error);
        Assert.Contains("Storage:ConnectionString", outcome.Error);
        Assert.DoesNotContain("pg-secret.DO-NOT-LEAK", outcome.Output + outcome.Error);
    }

    [Fact]
    public async Task A_port_already_taken_exits_1_naming_the_address_and_no_service_reported_as_failed()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var settings = new Dictionary<string, string>
        {
            ["Digests__Path"] = _workspace.Digests,
            ["Storage__ConnectionString"] = $"Data Source={_workspace.Database}",
        };

        var outcome = await BotProcess.RunAsync(_workspace.Root, settings, "run", "--urls", address);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"PaperBot stopped: Failed to bind to address {address}: address already in use.", outcome.Error);
        Assert.DoesNotContain("BackgroundService failed", outcome.Output + outcome.Error);
        Assert.DoesNotContain("crit:", outcome.Output + outcome.Error);
    }

    private Task<BotProcess.Outcome> RunAsync(Dictionary<string, string> platform, string verb = "run")
    {
        platform["Digests__Path"] = _workspace.Digests;
        platform["Storage__ConnectionString"] = $"Data Source={_workspace.Database}";
        // A free port, so that a bot that wrongly starts fails the test by its exit code instead of by a port conflict.
        return verb == "run"
            ? BotProcess.RunAsync(_workspace.Root, platform, "run", "--urls", "http://127.0.0.1:0")
            : BotProcess.RunAsync(_workspace.Root, platform, verb);
    }

    private static void AssertNoSecret(BotProcess.Outcome outcome)
    {
        Assert.DoesNotContain(DiscordToken, outcome.Output + outcome.Error);
        Assert.DoesNotContain(SlackToken, outcome.Output + outcome.Error);
    }

    public void Dispose() => _workspace.Dispose();
}
