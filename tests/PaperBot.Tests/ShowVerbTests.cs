using PaperBot.Testing;

namespace PaperBot.Tests;

public sealed class ShowVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string> _environment;

    public ShowVerbTests()
    {
        var digests = _folder.CreateFolder("digests");
        File.Copy(SharedPaths.OriginalDigest, Path.Combine(digests, "000_6c4aed9f0dc1f396.txt"));
        File.Copy(Path.Combine(SharedPaths.Digests, "2026-01-06.md"), Path.Combine(digests, "2026-01-06.md"));
        _environment = new()
        {
            ["Digests__Path"] = digests,
            ["Storage__ConnectionString"] = $"Data Source={_folder.Combine("data", "archive.db")}",
        };
    }

    [Fact]
    public async Task Show_without_arguments_prints_the_latest_edition()
    {
        var outcome = await BotProcess.RunAsync(_folder.Path, _environment, "show");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("2026-01-08 · 5 papers", outcome.Output);
        Assert.Contains("2. Evolving Programmatic Skill Networks", outcome.Output);
    }

    [Fact]
    public async Task Show_a_date_and_a_rank_prints_that_paper_with_abstract_and_key_points()
    {
        var outcome = await BotProcess.RunAsync(_folder.Path, _environment, "show", "2026-01-08", "1");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("1. Entropy-Adaptive Fine-Tuning", outcome.Output);
        Assert.Contains("## Abstract", outcome.Output);
        Assert.Contains("## Key points", outcome.Output);
        Assert.Contains("- SFT(지도 학습 기반 미세 조정)", outcome.Output);
    }

    [Theory]
    [InlineData("2601.03509")]
    [InlineData("programmatic skill")]
    public async Task Show_finds_a_paper_by_arxiv_id_or_title_words(string paper)
    {
        var outcome = await BotProcess.RunAsync(_folder.Path, _environment, "show", paper);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("2. Evolving Programmatic Skill Networks", outcome.Output);
    }

    [Fact]
    public async Task Show_an_unknown_date_explains_and_names_nearby_dates()
    {
        var outcome = await BotProcess.RunAsync(_folder.Path, _environment, "show", "2026-01-07");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("There is no edition for 2026-01-07", outcome.Error);
        Assert.Contains("2026-01-08", outcome.Error);
    }

    [Fact]
    public async Task A_bad_setting_is_refused_with_the_setting_named()
    {
        var environment = new Dictionary<string, string>(_environment) { ["Digests__ImageBaseUrl"] = "not a url" };

        var outcome = await BotProcess.RunAsync(_folder.Path, environment, "show");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Digests:ImageBaseUrl", outcome.Error);
    }

    public void Dispose() => _folder.Dispose();
}
