using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using PaperBot.Configuration;
using PaperBot.Hosting;

namespace PaperBot.Cli;

/// <summary>
/// The command line on System.CommandLine: the verbs Program.cs adds, <c>--help</c> on each, a usage error (exit 2) with the
/// verb's usage, and the exit codes of <see cref="ExitCodes"/> for what the verbs' hosts throw.
/// </summary>
internal sealed class PaperBotCli(string[] hostArgs)
{
    private const int HelpWidth = 110;

    private readonly RootCommand _root = new(CliUsage.Description) { HelpName = "PaperBot" };

    /// <summary>Adds a verb whose handler needs nothing but its arguments; <paramref name="isDefault"/> also runs it when no verb is given.</summary>
    public void Add(Command verb, Func<ParseResult, CancellationToken, Task<int>> handler, bool isDefault = false)
    {
        verb.SetAction(handler);
        _root.Subcommands.Add(verb);
        if (isDefault)
            _root.SetAction(handler);
    }

    public void Add(Command verb, Func<ParseResult, int> handler) => Add(verb, (parsed, _) => Task.FromResult(handler(parsed)));

    /// <summary>Adds a verb that runs on the archive's services (settings validated, schema migrated), with the platforms' if asked.</summary>
    public void AddWithHost(Command verb, bool platforms, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> handler) =>
        Add(verb, async (parsed, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(hostArgs, platforms, cancellationToken);
            return await handler(parsed, host.Services, cancellationToken);
        });

    /// <param name="usageError">An error found before parsing (see <see cref="HostArguments"/>).</param>
    public async Task<int> InvokeAsync(string[] verbArgs, string? usageError)
    {
        AddFooterToHelp();
        // Response files (@file) are off: an argument is what was typed.
        var parsed = _root.Parse(verbArgs, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var asksForHelp = parsed.Action is { ClearsParseErrors: true };
        var errors = parsed.Errors.Select(e => e.Message).Concat(UnknownOptions(parsed)).Prepend(usageError).OfType<string>().ToList();
        if (errors.Count > 0 && !asksForHelp)
            return UsageError(parsed.CommandResult.Command, errors);

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        try
        {
            // The hosts handle termination signals themselves (a graceful stop), so System.CommandLine does not.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellation.Token);
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
        catch (OperationCanceledException)
        {
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Words that look like options but are none of the verb's: System.CommandLine passes them on as arguments when the
    /// verb takes any (<c>check --jsn x.md</c> would look for a file named --jsn). After <c>--</c> they are arguments.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parsed) =>
        parsed.Tokens
            .TakeWhile(token => token.Type != TokenType.DoubleDash)
            .Where(token => token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-')
            .Select(token => $"\"{token.Value}\" is not an option of {(parsed.CommandResult.Command == parsed.RootCommandResult.Command ? "PaperBot" : parsed.CommandResult.Command.Name)} " +
                             "(to give it as an argument, put -- before it).");

    /// <summary>The errors, then the verb's own help, on standard error.</summary>
    private int UsageError(Command command, IReadOnlyList<string> errors)
    {
        var verb = command == _root ? "PaperBot" : $"PaperBot {command.Name}";
        foreach (var error in errors)
            Console.Error.WriteLine($"{verb}: {error}");
        Console.Error.WriteLine();
        string[] askHelp = command == _root ? ["--help"] : [command.Name, "--help"];
        _root.Parse(askHelp).Invoke(new InvocationConfiguration { Output = Console.Error });
        return ExitCodes.Usage;
    }

    private void AddFooterToHelp()
    {
        var help = _root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction standard)
        {
            standard.MaxWidth = HelpWidth;
            help.Action = new HelpWithFooter(standard);
        }
    }

    private sealed class HelpWithFooter(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(CliUsage.Footer);
            return ExitCodes.Ok;
        }
    }
}
