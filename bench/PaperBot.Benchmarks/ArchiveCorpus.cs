using System.Diagnostics;
using System.Security.Cryptography;
using PaperBot.Core.Domain;
using PaperBot.Digest;

namespace PaperBot.Benchmarks;

/// <summary>The ten-year generated corpus (2016–2025, about 2,600 digests), generated on first use.</summary>
internal static class ArchiveCorpus
{
    public const string Folder = "/tmp/paperbot-corpus";
    private const string Generator = "/work/shared/tools/make_digests.py";

    public static IReadOnlyList<(string Path, byte[] Bytes)> ReadFiles()
    {
        if (DigestPaths().Count < 2000)
            Generate();
        return DigestPaths().Select(p => (p, File.ReadAllBytes(p))).ToList();
    }

    /// <summary>Parses and hashes each file as ingest does; files that fail to parse are left out.</summary>
    public static List<(Edition Edition, DigestSource Source)> Parse(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var parser = new MarkdigDigestParser();
        var now = DateTimeOffset.UtcNow;
        var items = new List<(Edition, DigestSource)>(files.Count);
        foreach (var (path, bytes) in files)
        {
            var parsed = parser.Parse(Path.GetFileName(path), bytes);
            if (parsed.IsSuccess)
                items.Add((parsed.Value, new DigestSource(path, Convert.ToHexString(SHA256.HashData(bytes)), now)));
        }
        return items;
    }

    public static string NewDatabaseFile() =>
        Path.Combine(Path.GetTempPath(), "paperbot-bench", Guid.NewGuid().ToString("N"), "archive.db");

    public static void DeleteDatabase(string file)
    {
        try { Directory.Delete(Path.GetDirectoryName(file)!, recursive: true); } catch (IOException) { }
    }

    private static List<string> DigestPaths() =>
        !Directory.Exists(Folder)
            ? []
            : Directory.EnumerateFiles(Folder).Where(p => p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".txt", StringComparison.Ordinal)).Order().ToList();

    private static void Generate()
    {
        using var process = Process.Start("python3", [Generator, "--out", Folder, "--start", "2016-01-01", "--end", "2025-12-31"])
            ?? throw new InvalidOperationException("python3 could not be started.");
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Generator} failed with exit code {process.ExitCode}.");
    }
}
