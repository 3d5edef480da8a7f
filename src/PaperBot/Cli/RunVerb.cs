using PaperBot.Hosting;

namespace PaperBot.Cli;

/// <summary><c>run</c> (and no verb at all): the long-running bot, until it is stopped.</summary>
internal static class RunVerb
{
    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        var app = PaperBotApp.Build(hostArgs);
        await app.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
