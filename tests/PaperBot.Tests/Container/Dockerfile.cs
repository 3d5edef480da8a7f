using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaperBot.Tests.Container;

/// <summary>The repository's Dockerfile read as its instructions (continuation lines joined, comments dropped), stage by stage.</summary>
internal sealed partial class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments);

    private Dockerfile(IReadOnlyList<IReadOnlyList<Instruction>> stages) => Stages = stages;

    /// <summary>Each stage's instructions, from its FROM on.</summary>
    public IReadOnlyList<IReadOnlyList<Instruction>> Stages { get; }

    /// <summary>The stage the image is made of: the last one.</summary>
    public IReadOnlyList<Instruction> Final => Stages[^1];

    public IEnumerable<Instruction> All => Stages.SelectMany(s => s);

    public static Dockerfile Read(string path)
    {
        var stages = new List<List<Instruction>>();
        var logical = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.TrimEnd();
            if (logical.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
                continue;
            if (line.EndsWith('\\'))
            {
                logical += line[..^1] + " ";
                continue;
            }
            logical += line;
            var match = InstructionLine().Match(logical.Trim());
            logical = "";
            var instruction = new Instruction(match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value.Trim());
            if (instruction.Keyword == "FROM")
                stages.Add([]);
            stages[^1].Add(instruction);
        }
        return new Dockerfile(stages);
    }

    /// <summary>The variables ENV sets in the final stage (both the <c>K=V K2=V2</c> and the <c>K V</c> forms).</summary>
    public IReadOnlyDictionary<string, string> FinalEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var env in Final.Where(i => i.Keyword == "ENV"))
        {
            var pairs = EnvPair().Matches(env.Arguments);
            if (pairs.Count == 0)
            {
                var parts = env.Arguments.Split(' ', 2);
                environment[parts[0]] = parts[1].Trim();
                continue;
            }
            foreach (Match pair in pairs)
                environment[pair.Groups[1].Value] = pair.Groups[2].Value.Trim('"');
        }
        return environment;
    }

    /// <summary>An instruction's exec form (<c>["dotnet", "PaperBot.dll"]</c>) as its words.</summary>
    public static string[] ExecForm(string arguments) =>
        arguments.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<string[]>(arguments)! : arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^(\w+)\s+(.*)$", RegexOptions.Singleline)]
    private static partial Regex InstructionLine();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S*)")]
    private static partial Regex EnvPair();
}
