using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Configuration;
using PaperBot.Hosting;
using PaperBot.Ingest;
using PaperBot.Testing;

namespace PaperBot.Tests;

/// <summary>Whatever lands in the digest folder, and whatever happens to the folder, ingest goes on and says what it skipped.</summary>
public sealed class IngestHardeningTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _digests;
    private readonly string _database;

    public IngestHardeningTests()
    {
        _digests = _folder.CreateFolder("digests");
        _database = _folder.Combine("data", "archive.db");
    }

    [Fact]
    public async Task One_bad_file_of_any_kind_is_listed_by_name_and_the_other_files_of_the_pass_are_ingested()
    {
        await WriteDigestAsync("good.md", "2026-02-01");
        await WriteDigestAsync("deep-quote.md", "2026-02-02", new string('>', 200) + " deep");
        await WriteDigestAsync("deep-brackets.md", "2026-02-03", new string('[', 50_000));
        SpecialFiles.CreateFifo(Path.Combine(_digests, "pipe.md"));
        File.CreateSymbolicLink(Path.Combine(_digests, "zero.md"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(_digests, "gone.md"), Path.Combine(_digests, "nowhere"));
        SpecialFiles.CreateSparse(Path.Combine(_digests, "huge.md"), 5 * 1024 * 1024);

        await using var bot = await RunningBot.StartAsync(_digests, _database);
        await RunningBot.EventuallyAsync(async () => (await HealthAsync(bot)).GetProperty("brokenDigests").GetInt32() == 6);

        var health = await HealthAsync(bot);
        Assert.Equal("2026-02-01", health.GetProperty("latestEdition").GetString());
        Assert.True(health.GetProperty("initialIngestDone").GetBoolean());
        var failures = bot.Services.GetRequiredService<IngestStatus>().Failures;
        Assert.Equal(["deep-brackets.md", "deep-quote.md", "gone.md", "huge.md", "pipe.md", "zero.md"], failures.Keys.Order());
        Assert.Contains("levels deep", failures["deep-quote.md"]);
        Assert.Contains("named pipe", failures["pipe.md"]);
        Assert.Contains("device", failures["zero.md"]);
        Assert.Contains("Digests:MaxFileBytes", failures["huge.md"]);

        var page = await bot.Client.GetStringAsync("/");
        Assert.Contains("href=\"/editions/2026-02-01\"", page);
        foreach (var name in failures.Keys)
            Assert.Contains($"<code>{name}</code>", page);
        Assert.DoesNotContain(_folder.Path, page);
    }

    [Fact]
    public async Task Digests_MaxFileBytes_bounds_what_is_read()
    {
        await WriteDigestAsync("small.md", "2026-02-01");
        await WriteDigestAsync("padded.md", "2026-02-02", new string('x', 3000));

        await using var bot = await RunningBot.StartAsync(_digests, _database, "--Digests:MaxFileBytes", "2048");
        await RunningBot.EventuallyAsync(async () => (await HealthAsync(bot)).GetProperty("brokenDigests").GetInt32() == 1);

        Assert.Equal("2026-02-01", (await HealthAsync(bot)).GetProperty("latestEdition").GetString());
        Assert.Contains("more than the 2 KiB (2,048 bytes) a digest may have (Digests:MaxFileBytes)",
            bot.Services.GetRequiredService<IngestStatus>().Failures["padded.md"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1073741824")]
    public void A_wrong_Digests_MaxFileBytes_stops_the_start_naming_the_setting(string value)
    {
        var refusal = Record.Exception(() => PaperBotApp.Build(Arguments("--Digests:MaxFileBytes", value)));

        var failure = Assert.Single(SettingsFailures.From(refusal!)!);
        Assert.StartsWith($"Digests:MaxFileBytes must be between 1024 and 268435456 (got {value})", failure);
    }

    [Fact]
    public async Task A_deleted_digest_folder_is_reported_once_and_watched_again_when_it_comes_back()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new CapturedLogs();
        await WriteDigestAsync("first.md", "2026-02-01");
        await using var app = await StartAsync(time, logs);
        using var client = new HttpClient { BaseAddress = LoopbackApp.AddressOf(app) };
        var status = app.Services.GetRequiredService<IngestStatus>();
        await RunningBot.EventuallyAsync(() => Task.FromResult(status.InitialPassDone));

        Directory.Delete(_digests, recursive: true);
        await TickUntilAsync(time, () => status.FolderMissing);
        var seenMissingAt = status.LastFolderCheckAt;
        await TickUntilAsync(time, () => status.LastFolderCheckAt > seenMissingAt); // looked again, still missing

        Assert.True(status.FolderMissing);
        Assert.Single(logs.Lines, line => line.Contains("is missing"));
        var health = JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement;
        Assert.True(health.GetProperty("digestFolderMissing").GetBoolean());
        Assert.Equal(status.FolderMissingSince, health.GetProperty("digestFolderMissingSince").GetDateTimeOffset());

        Directory.CreateDirectory(_digests);
        await WriteDigestAsync("second.md", "2026-02-02");
        await TickUntilAsync(time, () => !status.FolderMissing);
        await WriteDigestAsync("third.md", "2026-02-03"); // seen by the new watcher, not by a rescan
        await TickUntilAsync(time, async () => await LatestAsync(client) == "2026-02-03");

        Assert.Contains(logs.Lines, line => line.Contains("is there again"));
        Assert.Contains("href=\"/editions/2026-02-02\"", await client.GetStringAsync("/"));
        Assert.False(JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement.GetProperty("digestFolderMissing").GetBoolean());
    }

    [Fact]
    public async Task A_digest_folder_replaced_between_two_looks_is_watched_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await WriteDigestAsync("first.md", "2026-02-01");
        await using var app = await StartAsync(time, new CapturedLogs());
        using var client = new HttpClient { BaseAddress = LoopbackApp.AddressOf(app) };
        var status = app.Services.GetRequiredService<IngestStatus>();
        await RunningBot.EventuallyAsync(() => Task.FromResult(status.InitialPassDone));

        Directory.Delete(_digests, recursive: true);
        Directory.CreateDirectory(_digests);
        await WriteDigestAsync("second.md", "2026-02-02");
        await TickUntilAsync(time, async () => await LatestAsync(client) == "2026-02-02");
        await WriteDigestAsync("third.md", "2026-02-03");
        await TickUntilAsync(time, async () => await LatestAsync(client) == "2026-02-03");

        Assert.False(status.FolderMissing);
    }

    private async Task<WebApplication> StartAsync(FakeTimeProvider time, CapturedLogs logs)
    {
        var app = PaperBotApp.Build(Arguments(), builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        return app;
    }

    private string[] Arguments(params string[] extra) =>
    [
        "--urls", "http://127.0.0.1:0",
        "--Digests:Path", _digests,
        "--Digests:DebounceMilliseconds", "100",
        "--Storage:ConnectionString", $"Data Source={_database}",
        .. extra,
    ];

    /// <summary>Moves the fake clock a folder check (and a debounce) at a time until the condition holds.</summary>
    private static Task TickUntilAsync(FakeTimeProvider time, Func<bool> condition) =>
        TickUntilAsync(time, () => Task.FromResult(condition()));

    private static Task TickUntilAsync(FakeTimeProvider time, Func<Task<bool>> condition) =>
        RunningBot.EventuallyAsync(async () =>
        {
            if (await condition())
                return true;
            time.Advance(DigestIngestService.FolderCheckInterval);
            return false;
        });

    private static async Task<string?> LatestAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement.GetProperty("latestEdition").GetString();

    private Task WriteDigestAsync(string name, string date, string summary = "A summary.") =>
        File.WriteAllTextAsync(Path.Combine(_digests, name), $"""
            # {date} Daily Papers (Top 1)

            ## 1. [A Paper of {date}](https://huggingface.co/papers/2602.00001)
            **Upvotes**: 1

            ### 📌 요약
            {summary}

            """);

    private static async Task<JsonElement> HealthAsync(RunningBot bot)
    {
        using var response = await bot.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public void Dispose() => _folder.Dispose();
}
