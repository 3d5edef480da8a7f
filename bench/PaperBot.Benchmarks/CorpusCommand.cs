using System.Globalization;
using PaperBot.Corpus;

namespace PaperBot.Benchmarks;

/// <summary>
/// <c>corpus [--out DIR] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--seed N]</c>: writes generated digests with their
/// manifest.json (default: the ten-year benchmark corpus, cached in the temp folder) and prints the folder.
/// </summary>
internal static class CorpusCommand
{
    private const string Usage = "usage: corpus [--out DIR] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--seed N]";

    public static int Run(IReadOnlyList<string> arguments)
    {
        string? folder = null;
        var start = DigestCorpus.TenYearsStart;
        var end = DigestCorpus.TenYearsEnd;
        var seed = DigestCorpus.DefaultSeed;
        for (var i = 0; i < arguments.Count; i += 2)
        {
            var value = i + 1 < arguments.Count ? arguments[i + 1] : null;
            var understood = (arguments[i], value) switch
            {
                (_, null) => false,
                ("--out", _) => (folder = value) is not null,
                ("--start", _) => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start),
                ("--end", _) => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end),
                ("--seed", _) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                _ => false,
            };
            if (!understood)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }

        if (folder is null)
            folder = DigestCorpus.Cached(start, end, seed);
        else
            DigestCorpus.WriteTo(folder, start, end, seed);
        Console.WriteLine(Path.GetFullPath(folder));
        return 0;
    }
}
