using System.Globalization;
using PaperBot.Discord;
using PaperBot.Slack;

namespace PaperBot.Cli;

/// <summary><c>slack-manifest --public-url URL</c>: the Slack app manifest to paste when creating the app.</summary>
internal static class SlackManifestVerb
{
    /// <param name="publicUrl">An https address (the command line has checked it).</param>
    public static int Run(Uri publicUrl, TextWriter output)
    {
        output.WriteLine(SlackManifest.Build(publicUrl));
        return ExitCodes.Ok;
    }
}

/// <summary><c>register-commands [--guild ID]</c>: registers /papers with Discord.</summary>
internal static class RegisterCommandsVerb
{
    /// <param name="guild">A guild id (the command line has checked it), or null for a global registration.</param>
    public static async Task<int> RunAsync(ulong? guild, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var registered = await services.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync(guild?.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (!registered.TryGetValue(out var registration, out var problem))
        {
            error.WriteLine(problem.Message);
            return ExitCodes.Failed;
        }
        output.WriteLine(registration.ToString());
        return ExitCodes.Ok;
    }
}
