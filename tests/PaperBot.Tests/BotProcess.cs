using System.Diagnostics;
using PaperBot.Testing;

namespace PaperBot.Tests;

/// <summary>Runs the built PaperBot executable as a user would, in a working directory of the test's choosing.</summary>
internal static class BotProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>The built PaperBot.dll these tests run.</summary>
    public static string BotDll { get; } = FindBotDll();

    public static async Task<Outcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BotDll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"PaperBot {string.Join(' ', arguments)} did not finish within 60 s.");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>The PaperBot build next to this test build (same configuration).</summary>
    private static string FindBotDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(SharedPaths.RepositoryRoot, "src", "PaperBot", "bin", configuration, "net10.0", "PaperBot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/PaperBot first.", dll);
    }
}
