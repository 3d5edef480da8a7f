namespace PaperBot.Cli;

/// <summary>
/// Splits off the options meant for the host's configuration (<c>--urls URL</c>, <c>--environment NAME</c>,
/// <c>--contentRoot DIR</c>, <c>--Section:Key value</c>, each also as <c>--name=value</c>) from the verb's own, so that
/// every verb accepts any setting as an option, as the host's command-line configuration does.
/// </summary>
internal static class HostArguments
{
    private static readonly string[] HostOptions = ["--urls", "--environment", "--contentRoot", "--applicationName"];

    /// <param name="Error">A usage error (a settings option without a value), or null.</param>
    public sealed record Split(string[] VerbArguments, string[] HostArguments, string? Error);

    public static Split From(IReadOnlyList<string> args)
    {
        var verb = new List<string>();
        var host = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                verb.AddRange(args.Skip(i));
                break;
            }
            var equals = arg.IndexOf('=');
            var name = equals > 0 ? arg[..equals] : arg;
            if (!IsHostOption(name))
            {
                verb.Add(arg);
                continue;
            }
            var value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Count ? args[++i] : null;
            if (value is null)
                return new Split([.. verb], [.. host], $"{name} needs a value, such as {name} {Example(name)}.");
            host.AddRange([name, value]);
        }
        return new Split([.. verb], [.. host], null);
    }

    private static bool IsHostOption(string name) =>
        name.StartsWith("--", StringComparison.Ordinal) &&
        (name.Contains(':') || HostOptions.Contains(name, StringComparer.OrdinalIgnoreCase));

    private static string Example(string name) => name.ToLowerInvariant() switch
    {
        "--urls" => "http://localhost:5000",
        "--environment" => "Production",
        _ => "VALUE",
    };
}
