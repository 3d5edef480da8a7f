using System.Security.Cryptography;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Core.Ingest;

/// <summary>
/// Reads digest files into the archive. Incremental: a file whose bytes hash to what the archive recorded
/// for its path is not parsed again. A broken file is reported by name and reason and never stops the others.
/// </summary>
public sealed class DigestIngestor(IDigestParser parser, IArchiveWriter archive, TimeProvider time)
{
    private static readonly string[] DigestExtensions = [".md", ".txt", ".markdown"];

    public static bool IsDigestFile(string path) =>
        DigestExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every digest file in the folder (not recursive), in name order.</summary>
    public static IReadOnlyList<string> FindDigestFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(IsDigestFile).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>How many parsed editions are stored per transaction during a bulk ingest.</summary>
    public const int BatchSize = 200;

    public Task<IngestReport> IngestFolderAsync(string folder, CancellationToken cancellationToken = default) =>
        IngestFilesAsync(FindDigestFiles(folder), cancellationToken);

    public async Task<IngestReport> IngestFilesAsync(IEnumerable<string> files, CancellationToken cancellationToken = default)
    {
        var report = new IngestReport();
        var pending = new List<(Edition Edition, DigestSource Source)>(BatchSize);
        foreach (var file in files)
        {
            var read = await ReadAsync(file, cancellationToken);
            if (read is ParsedFile parsed)
                pending.Add((parsed.Edition, parsed.Source));
            else
                report.Add(((FinishedFile)read).Outcome);
            if (pending.Count == BatchSize)
                await FlushAsync(pending, report, cancellationToken);
        }
        await FlushAsync(pending, report, cancellationToken);
        return report;
    }

    private async Task FlushAsync(List<(Edition Edition, DigestSource Source)> pending, IngestReport report, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
            return;
        await archive.StoreManyAsync(pending.ToList(), cancellationToken);
        foreach (var (edition, source) in pending)
            report.Add(new FileOutcome.Stored(source.Path, edition.Date, edition.Papers.Count));
        pending.Clear();
    }

    private async Task<ReadFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var name = Path.GetFileName(fullPath);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FinishedFile(new FileOutcome.Failed(fullPath, new InvalidDigest(name, $"cannot be read: {e.Message}")));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (await archive.GetSourceHashAsync(fullPath, cancellationToken) == hash)
            return new FinishedFile(new FileOutcome.Unchanged(fullPath));

        var parsed = parser.Parse(name, bytes);
        return parsed.TryGetValue(out var edition, out var problem)
            ? new ParsedFile(edition, new DigestSource(fullPath, hash, time.GetUtcNow()))
            : new FinishedFile(new FileOutcome.Failed(fullPath, problem));
    }

    private abstract record ReadFile;

    private sealed record ParsedFile(Edition Edition, DigestSource Source) : ReadFile;

    private sealed record FinishedFile(FileOutcome Outcome) : ReadFile;
}

/// <summary>What happened to one file.</summary>
public abstract record FileOutcome(string Path)
{
    public sealed record Stored(string Path, DateOnly Date, int PaperCount) : FileOutcome(Path);

    public sealed record Unchanged(string Path) : FileOutcome(Path);

    public sealed record Failed(string Path, Problem Problem) : FileOutcome(Path);
}

/// <summary>The outcome of one ingest pass.</summary>
public sealed class IngestReport
{
    private readonly List<FileOutcome> _outcomes = [];

    public IReadOnlyList<FileOutcome> Outcomes => _outcomes;

    public int Stored => _outcomes.Count(o => o is FileOutcome.Stored);

    public int Unchanged => _outcomes.Count(o => o is FileOutcome.Unchanged);

    public IReadOnlyList<FileOutcome.Failed> Failures => _outcomes.OfType<FileOutcome.Failed>().ToList();

    public void Add(FileOutcome outcome) => _outcomes.Add(outcome);

    public override string ToString() => $"{Stored} stored, {Unchanged} unchanged, {Failures.Count} failed";
}
