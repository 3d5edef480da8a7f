namespace PaperBot.Cli;

/// <summary>
/// The command line split into the verb, its own options and positionals, and what is left for the host's
/// configuration (<c>--urls</c>, <c>--Section:Key value</c>).
/// </summary>
internal sealed record CliArguments(
    string Verb,
    IReadOnlyList<string> Positionals,
    IReadOnlySet<string> Flags,
    IReadOnlyDictionary<string, string> Values,
    string[] HostArgs)
{
    private sealed record VerbSpec(string[] Flags, string[] Values, int MinPositionals, int MaxPositionals);

    private static readonly Dictionary<string, VerbSpec> Verbs = new(StringComparer.Ordinal)
    {
        ["run"] = new([], [], 0, 0),
        ["check"] = new(["--json"], [], 1, int.MaxValue),
        ["show"] = new([], [], 0, int.MaxValue),
        ["post"] = new(["--dry-run"], ["--date"], 0, 0),
        ["register-commands"] = new([], ["--guild"], 0, 0),
        ["slack-manifest"] = new([], ["--public-url"], 0, 0),
        ["help"] = new([], [], 0, 1),
    };

    private static readonly string[] HostOptions = ["--urls", "--environment", "--contentRoot"];

    public bool Has(string flag) => Flags.Contains(flag);

    public string? Value(string option) => Values.GetValueOrDefault(option);

    /// <returns>The arguments, or the reason they make no sense (a usage error).</returns>
    public static (CliArguments? Arguments, string? Error) Parse(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        if (args is ["--help" or "-h", ..])
            verb = "help";
        if (!Verbs.TryGetValue(verb, out var spec))
            return (null, $"Unknown verb \"{verb}\".");

        var rest = verb == args.FirstOrDefault() ? args[1..] : args;
        var positionals = new List<string>();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostArgs = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            var arg = rest[i];
            var (name, inlineValue) = SplitOption(arg);
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                positionals.Add(arg);
            else if (spec.Flags.Contains(name))
                flags.Add(name);
            else if (spec.Values.Contains(name) || HostOptions.Contains(name) || name.Contains(':'))
            {
                var value = inlineValue ?? (i + 1 < rest.Length ? rest[++i] : null);
                if (value is null)
                    return (null, $"{name} needs a value.");
                if (spec.Values.Contains(name))
                    values[name] = value;
                else
                    hostArgs.AddRange([name, value]);
            }
            else
                return (null, $"\"{name}\" is not an option of \"{verb}\".");
        }

        if (positionals.Count < spec.MinPositionals)
            return (null, $"\"{verb}\" needs at least {spec.MinPositionals} argument(s).");
        if (positionals.Count > spec.MaxPositionals)
            return (null, $"\"{verb}\" takes at most {spec.MaxPositionals} argument(s); got \"{string.Join(' ', positionals)}\".");
        return (new CliArguments(verb, positionals, flags, values, hostArgs.ToArray()), null);
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=');
        return equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
