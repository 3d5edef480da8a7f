using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PaperBot.Tests;

/// <summary>
/// The bot as a long-running process (<c>dotnet PaperBot.dll run</c> or any start command), every line it prints kept,
/// stopped with SIGTERM as a container runtime stops it.
/// </summary>
internal sealed partial class BotServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();

    private BotServer(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _error.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Output => _output.ToArray();

    public IReadOnlyList<string> Error => _error.ToArray();

    public string AllText => string.Join('\n', Output.Concat(Error));

    public bool HasExited => _process.HasExited;

    /// <param name="command">The program and its arguments, such as <c>["dotnet", "PaperBot.dll", "run"]</c>.</param>
    public static BotServer Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return new BotServer(Process.Start(start)!);
    }

    /// <summary><c>dotnet PaperBot.dll run</c>, listening on a free loopback port.</summary>
    public static BotServer Run(string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        Start(workingDirectory, environment, "dotnet", BotProcess.BotDll, "run", "--urls", "http://127.0.0.1:0");

    /// <summary>The address Kestrel reports it listens on (the real port when it was given port 0).</summary>
    public async Task<Uri> WaitForAddressAsync(int seconds = 60)
    {
        var line = await WaitForLineAsync(l => ListeningOn().IsMatch(l), seconds);
        return new Uri(ListeningOn().Match(line).Groups[1].Value.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    /// <summary>Waits until a line of standard output or error satisfies <paramref name="match"/>, and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (Output.Concat(Error).FirstOrDefault(match) is { } line)
                return line;
            if (_process.HasExited)
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode} before printing the expected line:\n{AllText}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The bot did not print the expected line within {seconds} s:\n{AllText}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: the process dies where it stands, as in a crash or an OOM kill, with no chance to tidy up.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then the exit code once it has stopped (killed if it takes longer than 20 s).</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (https?://[^\s""]+)")]
    private static partial Regex ListeningOn();
}
