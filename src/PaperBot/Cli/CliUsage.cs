namespace PaperBot.Cli;

internal static class CliUsage
{
    public const string Description = "PaperBot: the daily papers digest, archived and posted to Discord and Slack.";

    /// <summary>Printed after every verb's help.</summary>
    public const string Footer = """
        Settings come from appsettings.json, then environment variables (Digests__Path, Storage__Provider,
        Storage__ConnectionString, Discord__PublicKey, Slack__SigningSecret, ...), then options given to any verb such as
        --urls http://localhost:5000, --environment Development or --Storage:Provider Postgres.

        Exit codes: 0 done, 1 failed, 2 usage or configuration error.
        """;
}
