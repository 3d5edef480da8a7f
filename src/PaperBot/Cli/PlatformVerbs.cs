using PaperBot.Discord;
using PaperBot.Slack;

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
        output.WriteLine(SlackManifest.Build(publicUrl));
        return ExitCodes.Ok;
    }
}

/// <summary><c>register-commands [--guild ID]</c>: registers /papers with Discord.</summary>
internal static class RegisterCommandsVerb
{
    public static async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var guild = arguments.Value("--guild");
        if (guild is not null && !ulong.TryParse(guild, out _))
        {
            error.WriteLine($"--guild \"{guild}\" is not a Discord guild id (a number such as 123456789012345678).");
            return ExitCodes.Usage;
        }
        var registered = await services.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync(guild, cancellationToken);
        if (!registered.TryGetValue(out var registration, out var problem))
        {
            error.WriteLine(problem.Message);
            return ExitCodes.Failed;
        }
        output.WriteLine(registration.ToString());
        return ExitCodes.Ok;
    }
}
