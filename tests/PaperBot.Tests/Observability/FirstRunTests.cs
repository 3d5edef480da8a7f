using System.Text.Json;
using PaperBot.Testing;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Observability;

/// <summary>
/// A new user's first run: the README's first command in a fresh clone (its appsettings.json and sample digests, nothing
/// else), no Discord or Slack settings. The bot starts on the defaults and says where to look and how to connect each platform.
/// </summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly TempFolder _clone = new();

    public FirstRunTests()
    {
        File.Copy(Path.Combine(SharedPaths.RepositoryRoot, "appsettings.json"), _clone.Combine("appsettings.json"));
        var samples = Directory.CreateDirectory(_clone.Combine("samples", "digests")).FullName;
        foreach (var digest in Directory.EnumerateFiles(Path.Combine(SharedPaths.RepositoryRoot, "samples", "digests")))
            File.Copy(digest, Path.Combine(samples, Path.GetFileName(digest)));
    }

    [Fact]
    public async Task The_bot_runs_on_the_sample_digests_logs_its_pages_and_one_line_per_platform_on_how_to_connect_it()
    {
        // Only the port differs from the README's command: a free one, so that the test never meets another bot on 5000.
        await using var bot = BotServer.Start(_clone.Path, new Dictionary<string, string>(), "dotnet", BotProcess.BotDll, "--urls", "http://127.0.0.1:0");
        var address = await bot.WaitForAddressAsync();

        var pages = await bot.WaitForLineAsync(l => l.Contains("PaperBot is up", StringComparison.Ordinal));
        Assert.Contains($"the archive is at {address}", pages);
        Assert.Contains($"{address}editions/YYYY-MM-DD/preview", pages);

        var discord = await bot.WaitForLineAsync(l => l.Contains("Discord is not connected", StringComparison.Ordinal));
        foreach (var step in new[] { "Discord__ApplicationId", "Discord__PublicKey", "Discord__BotToken", "Discord__Channels__0", "register-commands" })
            Assert.Contains(step, discord);
        var slack = await bot.WaitForLineAsync(l => l.Contains("Slack is not connected", StringComparison.Ordinal));
        foreach (var step in new[] { "slack-manifest --public-url", "Slack__SigningSecret", "Slack__BotToken", "Slack__Channels__0" })
            Assert.Contains(step, slack);

        using var http = new HttpClient { BaseAddress = address };
        string? latest = null;
        await RunningBot.EventuallyAsync(async () =>
            (latest = JsonDocument.Parse(await http.GetStringAsync("/healthz")).RootElement.GetProperty("latestEdition").GetString()) is not null);
        Assert.Contains($"href=\"/editions/{latest}\"", await http.GetStringAsync("/"));
        var preview = await bot.WaitForLineAsync(l => l.Contains("The latest edition", StringComparison.Ordinal));
        Assert.Contains($"The latest edition, {latest}, as Discord and Slack will show it: {address}editions/{latest}/preview", preview);
        Assert.Contains(RealDigest.Latest.Papers[0].Title, await http.GetStringAsync($"/editions/{latest}/preview"));
        Assert.True(File.Exists(_clone.Combine("data", "paperbot.db")), "the embedded default database is data/paperbot.db");
        Assert.Equal(1, bot.Output.Count(l => l.Contains("Discord is not connected", StringComparison.Ordinal)));
    }

    public void Dispose() => _clone.Dispose();
}
