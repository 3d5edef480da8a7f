using System.Security.Cryptography;
using PaperBot.Core.Domain;
using PaperBot.Corpus;
using PaperBot.Digest;

namespace PaperBot.Benchmarks;

/// <summary>The ten-year generated corpus (2016–2025, 2,609 digests), generated on first use and kept in the temp folder.</summary>
internal static class ArchiveCorpus
{
    private static readonly Lazy<string> CachedFolder = new(() => DigestCorpus.CachedTenYears());

    public static string Folder => CachedFolder.Value;

    public static IReadOnlyList<(string Path, byte[] Bytes)> ReadFiles() =>
        DigestPaths().Select(p => (p, File.ReadAllBytes(p))).ToList();

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
        Directory.EnumerateFiles(Folder).Where(p => p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".txt", StringComparison.Ordinal)).Order().ToList();
}
