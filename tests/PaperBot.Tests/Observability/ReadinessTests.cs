using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using PaperBot.Testing;

namespace PaperBot.Tests.Observability;

/// <summary><c>/readyz</c> from the whole bot on a real SQLite file and digest folder, as they come and go.</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _digests;
    private readonly string _database;
    private readonly CapturedLogs _logs = new();

    public ReadinessTests()
    {
        _digests = _folder.CreateFolder("digests");
        _database = _folder.Combine("data", "archive.db");
        File.Copy(SharedPaths.OriginalDigest, Path.Combine(_digests, "000_6c4aed9f0dc1f396.txt"));
    }

    [Fact]
    public async Task Ready_says_each_check_the_latest_edition_and_which_platforms_are_set_up()
    {
        await using var bot = await StartAsync("--Slack:SigningSecret", "readiness0test0secret", "--Slack:BotToken", "xoxb-readiness.test");

        var (status, body) = await WhenAsync(bot, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        foreach (var check in new[] { "store", "digestFolder", "initialIngest" })
        {
            Assert.True(body.GetProperty(check).GetProperty("ready").GetBoolean(), check);
            Assert.NotEmpty(body.GetProperty(check).GetProperty("detail").GetString()!);
        }
        Assert.Empty(body.GetProperty("notReady").EnumerateArray());
        Assert.Equal("2026-01-08", body.GetProperty("latestEdition").GetString());
        Assert.False(body.GetProperty("platforms").GetProperty("discord").GetBoolean());
        Assert.True(body.GetProperty("platforms").GetProperty("slack").GetBoolean());
    }

    [Fact]
    public async Task A_missing_digest_folder_is_503_naming_the_folder_while_the_bot_stays_alive()
    {
        await using var bot = await StartAsync();
        await WhenAsync(bot, HttpStatusCode.OK);

        Directory.Delete(_digests, recursive: true);

        var (_, body) = await WhenAsync(bot, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("not ready", body.GetProperty("status").GetString());
        Assert.Equal(["digestFolder"], body.GetProperty("notReady").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("does not exist", body.GetProperty("digestFolder").GetProperty("detail").GetString());
        Assert.True(body.GetProperty("store").GetProperty("ready").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_sqlite_file_deleted_while_the_bot_runs_is_503_naming_the_database_and_logged_once()
    {
        await using var bot = await StartAsync();
        await WhenAsync(bot, HttpStatusCode.OK);

        File.Delete(_database);

        var (_, body) = await WhenAsync(bot, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(["store"], body.GetProperty("notReady").EnumerateArray().Select(e => e.GetString()));
        var detail = body.GetProperty("store").GetProperty("detail").GetString()!;
        Assert.Contains("archive.db", detail);
        Assert.Contains("gone", detail);
        Assert.DoesNotContain(_folder.Path, detail);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ReadyAsync(bot)).Status);
        Assert.False(File.Exists(_database), "the probe must not create a new, empty database in its place");
        Assert.Single(_logs.Lines, l => l.StartsWith("Warning: Not ready (store)", StringComparison.Ordinal) && l.Contains("archive.db"));
    }

    [Fact] // the file's identity is read on Linux, where the bot runs
    public async Task Another_file_put_where_the_database_was_is_503_saying_it_was_replaced()
    {
        await using var bot = await StartAsync();
        await WhenAsync(bot, HttpStatusCode.OK);

        File.Delete(_database);
        await File.WriteAllBytesAsync(_database, []); // an empty file is an empty SQLite database

        var (_, body) = await WhenAsync(bot, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("replaced", body.GetProperty("store").GetProperty("detail").GetString());
    }

    private Task<RunningBot> StartAsync(params string[] arguments) =>
        RunningBot.StartAsync(_digests, _database, builder => builder.Logging.AddProvider(_logs), arguments);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(RunningBot bot)
    {
        using var response = await bot.Client.GetAsync("/readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> WhenAsync(RunningBot bot, HttpStatusCode wanted)
    {
        (HttpStatusCode Status, JsonElement Body) last = default;
        await RunningBot.EventuallyAsync(async () => (last = await ReadyAsync(bot)).Status == wanted);
        return last;
    }

    public void Dispose() => _folder.Dispose();
}
