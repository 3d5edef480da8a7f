namespace PaperBot.Cli;

/// <summary><c>slack-manifest --public-url URL</c>: the Slack app manifest to paste when creating the app.</summary>
internal static class SlackManifestVerb
{
    public static int Run(CliArguments arguments, TextWriter output, TextWriter error)
    {
        var url = arguments.Value("--public-url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var publicUrl) || publicUrl.Scheme != Uri.UriSchemeHttps)
        {
            error.WriteLine("slack-manifest needs --public-url with the https address Slack can reach the bot at, such as https://paperbot.example.org");
            return ExitCodes.Usage;
        }
        output.WriteLine("TODO");
        return ExitCodes.Ok;
    }
}

/// <summary><c>register-commands [--guild ID]</c>: registers /papers with Discord.</summary>
internal static class RegisterCommandsVerb
{
    public static Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return Task.FromResult(ExitCodes.Failed);
    }
}
