using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Rendering;
using PaperBot.Testing;

namespace PaperBot.Tests;

public sealed class RunVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _digests;
    private readonly string _database;

    public RunVerbTests()
    {
        _digests = _folder.CreateFolder("digests");
        _database = _folder.Combine("data", "archive.db");
        File.Copy(SharedPaths.OriginalDigest, Path.Combine(_digests, "000_6c4aed9f0dc1f396.txt"));
    }

    [Fact]
    public async Task The_bot_ingests_on_start_and_serves_health_and_the_archive_page()
    {
        await using var bot = await RunningBot.StartAsync(_digests, _database);
        await WaitForLatestAsync(bot, "2026-01-08");

        var index = await bot.Client.GetStringAsync("/");
        Assert.Contains("href=\"/editions/2026-01-08\"", index);

        var edition = await bot.Client.GetStringAsync("/editions/2026-01-08");
        Assert.Contains("Entropy-Adaptive Fine-Tuning", edition);
        Assert.Contains("SFT(지도 학습 기반 미세 조정)가 치명적 망각을 유발하는 이유는", edition);
    }

    [Fact]
    public async Task A_papers_archive_link_under_Web_PublicUrl_is_its_place_on_the_archive_page()
    {
        await using var bot = await RunningBot.StartAsync(_digests, _database, "--Web:PublicUrl", "https://papers.example.org/");
        await WaitForLatestAsync(bot, "2026-01-08");

        var link = new Uri(bot.Services.GetRequiredService<ArchiveLinks>().PaperPage(new DateOnly(2026, 1, 8), 2)!);
        using var page = await bot.Client.GetAsync(link.AbsolutePath);

        Assert.Equal("https://papers.example.org/editions/2026-01-08#paper-2", link.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"id=\"{link.Fragment[1..]}\"", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_digest_written_while_running_appears_within_seconds_and_a_broken_one_is_reported_by_name()
    {
        await using var bot = await RunningBot.StartAsync(_digests, _database);
        await WaitForLatestAsync(bot, "2026-01-08");

        var newer = (await File.ReadAllTextAsync(SharedPaths.OriginalDigest)).Replace("# 2026-01-08 Daily Papers", "# 2026-01-09 Daily Papers");
        await File.WriteAllTextAsync(Path.Combine(_digests, "daily_20260109.md"), newer);
        await File.WriteAllTextAsync(Path.Combine(_digests, "broken.md"), "no heading at all");

        await WaitForLatestAsync(bot, "2026-01-09");
        await RunningBot.EventuallyAsync(async () => (await bot.Client.GetStringAsync("/")).Contains("broken.md"));
        var index = await bot.Client.GetStringAsync("/");
        Assert.Contains("Digests that could not be read", index);
    }

    [Fact]
    public async Task The_archive_survives_a_restart_and_search_works_in_korean_and_english()
    {
        await using (var first = await RunningBot.StartAsync(_digests, _database))
            await WaitForLatestAsync(first, "2026-01-08");

        await using var second = await RunningBot.StartAsync(_digests, _database);
        var health = await HealthAsync(second);
        Assert.Equal("2026-01-08", health.GetProperty("latestEdition").GetString());

        Assert.Contains("Evolving Programmatic Skill Networks", await second.Client.GetStringAsync("/?q=programmatic"));
        Assert.Contains("Entropy-Adaptive", await second.Client.GetStringAsync("/?q=" + Uri.EscapeDataString("엔트로피")));
    }

    [Fact]
    public async Task An_unknown_edition_page_is_a_404_that_says_so()
    {
        await using var bot = await RunningBot.StartAsync(_digests, _database);

        var response = await bot.Client.GetAsync("/editions/1999-01-01");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no edition for 1999-01-01", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Digest_text_cannot_inject_html_into_the_archive_page()
    {
        var hostile = (await File.ReadAllTextAsync(SharedPaths.OriginalDigest))
            .Replace("# 2026-01-08 Daily Papers", "# 2026-01-10 Daily Papers")
            .Replace("### 📌 요약\n", "### 📌 요약\n<script>alert(1)</script> ");
        await File.WriteAllTextAsync(Path.Combine(_digests, "hostile.md"), hostile);

        await using var bot = await RunningBot.StartAsync(_digests, _database);
        await WaitForLatestAsync(bot, "2026-01-10");

        var page = await bot.Client.GetStringAsync("/editions/2026-01-10");
        Assert.DoesNotContain("<script>", page);
    }

    private static async Task<JsonElement> HealthAsync(RunningBot bot)
    {
        using var response = await bot.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static Task WaitForLatestAsync(RunningBot bot, string date) =>
        RunningBot.EventuallyAsync(async () => (await HealthAsync(bot)).GetProperty("latestEdition").GetString() == date);

    public void Dispose() => _folder.Dispose();
}
