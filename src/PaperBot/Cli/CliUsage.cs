namespace PaperBot.Cli;

internal static class CliUsage
{
    public const string Text = """
        PaperBot: the daily papers digest, archived and posted to Discord and Slack.

        Usage: PaperBot [verb] [options]

          run                                Start the bot (the default): ingest and watch the digest folder,
                                             serve /healthz, the archive page and the platforms' webhooks.
          check <file-or-folder>... [--json] Parse digests without storing them. Exit 1 if any fails.
          show [YYYY-MM-DD] [paper]          Print an edition, or one paper (rank, arXiv id or title words).
          post [--date YYYY-MM-DD] [--dry-run]
                                             Post an edition (default: the latest) to every configured channel.
                                             --dry-run prints the request bodies and sends nothing.
          register-commands [--guild ID]     Register the /papers command with Discord (globally, or for one guild).
          slack-manifest --public-url URL    Print the Slack app manifest for the bot reachable at URL.
          help                               This text.

        Settings come from appsettings.json, then environment variables (Digests__Path, Storage__Provider,
        Storage__ConnectionString, Discord__PublicKey, Slack__SigningSecret, ...), then options such as
        --urls http://localhost:5000 or --Storage:Provider Postgres.

        Exit codes: 0 done, 1 failed, 2 usage or configuration error.
        """;
}
