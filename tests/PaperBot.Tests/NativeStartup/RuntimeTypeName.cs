namespace PaperBot.Tests.NativeStartup;

/// <summary>Types by the names <see cref="Type.ToString"/> gives them (<c>Ns.Generic`1[Ns.Argument]</c>), among the loaded assemblies.</summary>
internal static class RuntimeTypeName
{
    public static Type Resolve(string name) => TryResolve(name) ?? throw new InvalidOperationException($"No loaded assembly has the type {name}");

    private static Type? TryResolve(string name)
    {
        var open = name.IndexOf('[');
        if (open < 0)
            return AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);
        var definition = TryResolve(name[..open]);
        var arguments = SplitArguments(name[(open + 1)..^1]).Select(TryResolve).ToArray();
        return definition is null || arguments.Any(a => a is null) ? null : definition.MakeGenericType(arguments!);
    }

    private static IEnumerable<string> SplitArguments(string list)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case ',' when depth == 0:
                    yield return list[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }
        yield return list[start..].Trim();
    }
}
