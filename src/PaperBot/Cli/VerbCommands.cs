using System.CommandLine;
using PaperBot.Core.Commands;

namespace PaperBot.Cli;

// Each verb's syntax: its options and arguments, parsed and checked before the verb runs. Program.cs binds them to the handlers.

internal sealed class RunCommand : Command
{
    public RunCommand()
        : base("run", "Start the bot (the default): ingest and watch the digest folder, serve the archive page, /healthz, /readyz, " +
                      "/metrics and the platforms' webhooks.")
    {
    }
}

internal sealed class CheckCommand : Command
{
    public Argument<string[]> Paths { get; } = new("file-or-folder")
    {
        Description = "Digest files, or folders of them.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object per file per line." };

    public CheckCommand()
        : base("check", "Parse digests without storing them and report each file; exit 1 if any fails.")
    {
        Arguments.Add(Paths);
        Options.Add(Json);
    }
}

internal sealed class ShowCommand : Command
{
    public Argument<string[]> Words { get; } = new("date-and-paper")
    {
        Description = "An edition's date (YYYY-MM-DD, default the latest), then a paper: its rank, arXiv id or title words.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public ShowCommand()
        : base("show", "Print an edition, or one paper of it, from the archive (brought up to date with the digest folder first).")
    {
        Arguments.Add(Words);
    }
}

internal sealed class PostCommand : Command
{
    public Option<DateOnly?> Date { get; } = new("--date")
    {
        Description = "The edition to post (default: the latest).",
        HelpName = "YYYY-MM-DD",
        CustomParser = OptionValue.Parser<DateOnly?>(
            text => EditionDates.TryParse(text, out var date) ? date : null,
            text => $"--date \"{text}\" is not a date; write dates as YYYY-MM-DD."),
    };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the request bodies and send nothing." };

    public PostCommand()
        : base("post", "Post an edition to every configured channel now; what was posted already is not posted again.")
    {
        Options.Add(Date);
        Options.Add(DryRun);
    }
}

internal sealed class RegisterCommandsCommand : Command
{
    public Option<ulong?> Guild { get; } = new("--guild")
    {
        Description = "Register for one guild (appears at once) instead of globally.",
        HelpName = "ID",
        CustomParser = OptionValue.Parser<ulong?>(
            text => ulong.TryParse(text, out var id) ? id : null,
            text => $"--guild \"{text}\" is not a Discord guild id (a number such as 123456789012345678)."),
    };

    public RegisterCommandsCommand()
        : base("register-commands", "Register the /papers command with Discord.")
    {
        Options.Add(Guild);
    }
}

internal sealed class SlackManifestCommand : Command
{
    public Option<Uri> PublicUrl { get; } = new("--public-url")
    {
        Description = "The https address Slack reaches the bot at, such as https://paperbot.example.org.",
        HelpName = "URL",
        Required = true,
        CustomParser = OptionValue.Parser(
            text => Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url : null,
            text => $"--public-url \"{text}\" is not an https address; give the one Slack can reach the bot at, such as https://paperbot.example.org."),
    };

    public SlackManifestCommand()
        : base("slack-manifest", "Print the Slack app manifest to paste when creating the app.")
    {
        Options.Add(PublicUrl);
    }
}

internal sealed class HealthcheckCommand : Command
{
    public Option<Uri?> Url { get; } = new("--url")
    {
        Description = "The running bot's address (default: the address this configuration makes it listen on, on this machine).",
        HelpName = "URL",
        CustomParser = OptionValue.Parser(
            text => Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null,
            text => $"--url \"{text}\" is not an http(s) address, such as http://127.0.0.1:8080."),
    };

    public HealthcheckCommand()
        : base("healthcheck", "Ask the running bot's /healthz; exit 0 when it answers 200, 1 otherwise (for a container's HEALTHCHECK).")
    {
        Options.Add(Url);
    }
}
