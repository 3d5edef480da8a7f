using PaperBot.Testing;

namespace PaperBot.Tests;

/// <summary>The executable's command line as an operator meets it: help on every verb, usage errors, settings as options.</summary>
public sealed class CommandLineTests : IDisposable
{
    private static readonly string[] VerbNames = ["run", "check", "show", "post", "register-commands", "slack-manifest", "healthcheck"];

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Help_on_the_executable_lists_every_verb_the_settings_and_the_exit_codes()
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var outcome = await RunAsync(help);

            Assert.True(outcome.ExitCode == 0, outcome.Error);
            Assert.Contains("Usage:\n  PaperBot [command] [options]", outcome.Output.ReplaceLineEndings("\n"));
            foreach (var verb in VerbNames)
                Assert.Contains($"  {verb} ", outcome.Output);
            Assert.Contains("--Storage:Provider Postgres", outcome.Output);
            Assert.Contains("Exit codes: 0 done, 1 failed, 2 usage or configuration error.", outcome.Output);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check", "--json")]
    [InlineData("show")]
    [InlineData("post", "--date", "--dry-run")]
    [InlineData("register-commands", "--guild")]
    [InlineData("slack-manifest", "--public-url")]
    [InlineData("healthcheck", "--url")]
    public async Task Help_on_each_verb_shows_its_usage_and_options_and_exits_zero(string verb, params string[] options)
    {
        var outcome = await RunAsync(verb, "--help");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains($"Usage:\n  PaperBot {verb}", outcome.Output.ReplaceLineEndings("\n"));
        foreach (var option in options)
            Assert.Contains(option, outcome.Output);
        Assert.Equal("", outcome.Error);
    }

    [Theory]
    [InlineData("frobnicate", "PaperBot: Unrecognized command or argument 'frobnicate'", "PaperBot [command] [options]")]
    [InlineData("post --date", "--date", "PaperBot post [options]")]
    [InlineData("post --date 2026-13-01", "--date \"2026-13-01\" is not a date; write dates as YYYY-MM-DD.", "PaperBot post [options]")]
    [InlineData("post --dryrun", "--dryrun", "PaperBot post [options]")]
    [InlineData("register-commands --guild general", "--guild \"general\" is not a Discord guild id", "PaperBot register-commands [options]")]
    [InlineData("slack-manifest", "--public-url", "PaperBot slack-manifest [options]")]
    [InlineData("slack-manifest --public-url http://bot.example.org", "is not an https address", "PaperBot slack-manifest [options]")]
    [InlineData("healthcheck --url ftp://x", "--url \"ftp://x\" is not an http(s) address", "PaperBot healthcheck [options]")]
    [InlineData("show --urls", "--urls needs a value", "PaperBot show")]
    [InlineData("show --pretty 2", "\"--pretty\" is not an option of show", "PaperBot show")]
    public async Task A_wrong_option_exits_two_with_the_error_and_the_verbs_usage_on_standard_error(string commandLine, string error, string usage)
    {
        var outcome = await RunAsync(commandLine.Split(' '));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(error, outcome.Error);
        Assert.Contains($"Usage:\n  {usage}", outcome.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public async Task Settings_given_as_options_reach_the_host_in_both_forms_and_before_or_after_the_verbs_own()
    {
        var digests = _folder.CreateFolder("digests");
        File.Copy(SharedPaths.OriginalDigest, Path.Combine(digests, "daily.md"));
        var database = _folder.Combine("data", "cli.db");

        var outcome = await RunAsync(
            "--Digests:Path", digests, "show", $"--Storage:ConnectionString=Data Source={database}", "2026-01-08", "2", "--environment", "Production");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.StartsWith("2. ", outcome.Output);
        Assert.True(File.Exists(database));
    }

    [Fact]
    public async Task Words_after_a_double_dash_are_arguments_even_when_they_look_like_options()
    {
        var outcome = await RunAsync("check", "--", "--not-a-file.md");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--not-a-file.md: no such file or folder", outcome.Output);
    }

    private Task<BotProcess.Outcome> RunAsync(params string[] arguments) => BotProcess.RunAsync(_folder.Path, null, arguments);

    public void Dispose() => _folder.Dispose();
}
