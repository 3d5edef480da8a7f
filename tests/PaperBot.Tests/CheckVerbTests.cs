using System.Text.Json;
using PaperBot.Testing;

namespace PaperBot.Tests;

public sealed class CheckVerbTests
{
    [Fact]
    public async Task Check_of_the_shared_digests_lists_every_file_ok_and_exits_zero()
    {
        var outcome = await BotProcess.RunAsync(SharedPaths.RepositoryRoot, null, "check", SharedPaths.Digests);

        Assert.Equal(0, outcome.ExitCode);
        var okLines = outcome.Output.Split('\n').Where(l => l.StartsWith("ok ", StringComparison.Ordinal)).ToList();
        Assert.Equal(72, okLines.Count);
        Assert.Contains(okLines, l => l.Contains("2026-01-08") && l.Contains("5 papers") && l.Contains("000_6c4aed9f0dc1f396.txt"));
    }

    [Fact]
    public async Task Check_json_prints_one_object_per_file_with_the_papers()
    {
        var outcome = await BotProcess.RunAsync(SharedPaths.RepositoryRoot, null, "check", "--json", SharedPaths.OriginalDigest);

        Assert.Equal(0, outcome.ExitCode);
        using var line = JsonDocument.Parse(outcome.Output.Trim());
        var root = line.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal("2026-01-08", root.GetProperty("date").GetString());
        var papers = root.GetProperty("papers");
        Assert.Equal(5, papers.GetArrayLength());
        var first = papers[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.StartsWith("Entropy-Adaptive Fine-Tuning", first.GetProperty("title").GetString());
        Assert.Equal("2601.02151", first.GetProperty("arxivId").GetString());
        Assert.Equal(63, first.GetProperty("upvotes").GetInt32());
        Assert.Equal(3, first.GetProperty("keyPoints").GetArrayLength());
        foreach (var name in new[] { "url", "thumbnail", "summary", "abstract", "figures" })
            Assert.True(first.TryGetProperty(name, out _), $"missing {name}");
        Assert.Contains("치명적 망각", outcome.Output); // Hangul printed as text, not \u escapes
    }

    [Fact]
    public async Task A_broken_file_is_named_with_its_reason_the_others_still_parse_and_the_exit_code_is_one()
    {
        using var folder = new TempFolder();
        File.Copy(SharedPaths.OriginalDigest, folder.Combine("good.md"));
        await File.WriteAllTextAsync(folder.Combine("broken.md"), "## 1. [A paper](https://arxiv.org/abs/2601.00001)\nno date heading here\n");
        await File.WriteAllBytesAsync(folder.Combine("binary.txt"), [0xff, 0xfe, 0x00, 0xc3, 0x28]);

        var outcome = await BotProcess.RunAsync(folder.Path, null, "check", "--json", folder.Path);

        Assert.Equal(1, outcome.ExitCode);
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        var byFile = lines.ToDictionary(l => Path.GetFileName(l.GetProperty("file").GetString()!));
        Assert.True(byFile["good.md"].GetProperty("ok").GetBoolean());
        Assert.False(byFile["broken.md"].GetProperty("ok").GetBoolean());
        Assert.Contains("date", byFile["broken.md"].GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(byFile["binary.txt"].GetProperty("ok").GetBoolean());
        Assert.Contains("UTF-8", byFile["binary.txt"].GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Markdown_nested_too_deeply_and_a_pipe_are_each_reported_as_that_files_failure()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.Combine("good.md"), "# 2026-02-01 Daily Papers (Top 1)\n\n## 1. [A Paper](https://huggingface.co/papers/2602.00001)\n");
        await File.WriteAllTextAsync(folder.Combine("deep.md"), "# 2026-02-02 Daily Papers (Top 1)\n\n## 1. [A Paper](https://a.org)\n\n" + new string('>', 200) + " x\n");
        SpecialFiles.CreateFifo(folder.Combine("pipe.md"));

        var outcome = await BotProcess.RunAsync(folder.Path, null, "check", folder.Path);

        Assert.Equal(1, outcome.ExitCode);
        Assert.DoesNotContain("stopped", outcome.Output + outcome.Error);
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("ok ", StringComparison.Ordinal) && l.EndsWith("good.md", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FAILED", StringComparison.Ordinal) && l.Contains("deep.md: the markdown nests") && l.Contains("levels deep"));
        Assert.Contains(lines, l => l.StartsWith("FAILED", StringComparison.Ordinal) && l.Contains("pipe.md: is a named pipe"));
        Assert.Contains("2 digest(s) failed.", outcome.Output);
    }

    [Fact]
    public async Task A_missing_file_fails_with_exit_code_one()
    {
        var outcome = await BotProcess.RunAsync(SharedPaths.RepositoryRoot, null, "check", "does-not-exist.md");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("does-not-exist.md: no such file or folder", outcome.Output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--jsn", "x.md")]
    public async Task Usage_errors_exit_with_two_and_show_checks_usage(params string[] arguments)
    {
        var outcome = await BotProcess.RunAsync(SharedPaths.RepositoryRoot, null, arguments);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Usage:\n  PaperBot check <file-or-folder>...", outcome.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", outcome.Output);
    }
}
