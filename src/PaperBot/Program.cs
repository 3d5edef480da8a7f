using PaperBot.Cli;
using PaperBot.Configuration;
using PaperBot.Hosting;

var (arguments, usageError) = CliArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(CliUsage.Text);
    return ExitCodes.Usage;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

try
{
    switch (arguments.Verb)
    {
        case "help":
            Console.WriteLine(CliUsage.Text);
            return ExitCodes.Ok;
        case "check":
            return CheckVerb.Run(arguments, Console.Out);
        case "slack-manifest":
            return SlackManifestVerb.Run(arguments, Console.Out, Console.Error);
        case "run":
            var app = PaperBotApp.Build(arguments.HostArgs);
            await app.RunAsync(cancellation.Token);
            return ExitCodes.Ok;
    }

    using var host = await CliHost.StartAsync(arguments.HostArgs, withPlatforms: arguments.Verb is "post" or "register-commands", cancellation.Token);
    return arguments.Verb switch
    {
        "show" => await ShowVerb.RunAsync(arguments, host.Services, Console.Out, Console.Error, cancellation.Token),
        "post" => await PostVerb.RunAsync(arguments, host.Services, Console.Out, Console.Error, cancellation.Token),
        "register-commands" => await RegisterCommandsVerb.RunAsync(arguments, host.Services, Console.Out, Console.Error, cancellation.Token),
        _ => throw new InvalidOperationException($"Verb {arguments.Verb} has no handler."),
    };
}
catch (Exception e) when (SettingsFailures.From(e) is { } failures)
{
    Console.Error.WriteLine("PaperBot cannot start, a setting is wrong:");
    foreach (var failure in failures)
        Console.Error.WriteLine($"  - {failure}");
    return ExitCodes.Usage;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    // The host has logged the details; the operator gets one line saying why the bot stopped.
    Console.Error.WriteLine($"PaperBot stopped: {e.Message}");
    return ExitCodes.Failed;
}
