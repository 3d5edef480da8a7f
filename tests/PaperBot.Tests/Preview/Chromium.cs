using System.Diagnostics;

namespace PaperBot.Tests.Preview;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium fonts-noto-cjk</c>, as <c>.ci/run</c> does), run headless with a fresh
/// profile and nothing of its own on the network: no download of a browser, no updates, no sync.
/// </summary>
internal static class Chromium
{
    /// <summary>Debian's <c>/usr/bin/chromium</c>, or another Chromium named by <c>PAPERBOT_CHROMIUM</c>.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("PAPERBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static readonly Lazy<string?> Unavailable = new(FindWhyUnavailable);

    /// <summary>Why Chromium cannot run on this machine, or null when it can. On CI it must run, so this is always null there.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    private static string? FindWhyUnavailable()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            return null; // .ci/run installs Chromium: a missing one there is a failure, not a skip
        if (!File.Exists(ExecutablePath))
            return $"Chromium is not installed at {ExecutablePath}; install it with `apt-get install -y chromium fonts-noto-cjk` (as .ci/run does).";
        try
        {
            using var version = Process.Start(new ProcessStartInfo(ExecutablePath, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var error = version.StandardError.ReadToEndAsync();
            if (!version.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                version.Kill(entireProcessTree: true);
                return $"{ExecutablePath} --version did not answer within 30 s.";
            }
            return version.ExitCode == 0 ? null : $"{ExecutablePath} --version failed ({version.ExitCode}): {error.Result.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{ExecutablePath} cannot be started: {e.Message}";
        }
    }
}

/// <summary>A test in a real browser: skipped only where Chromium cannot run at all, saying why.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.WhyUnavailable is { } why)
            Skip = why;
    }
}
