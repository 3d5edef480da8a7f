using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using PaperBot.Core.Files;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Core.Ingest;

/// <summary>
/// Reads digest files into the archive. Incremental: a file whose bytes hash to what the archive recorded
/// for its path is not parsed again. Whatever is wrong with one file (not a regular file, larger than
/// <paramref name="maxFileBytes"/>, unreadable, not a digest, refused by the database) is that file's failure,
/// reported by name and reason; the other files of the pass are ingested all the same.
/// </summary>
public sealed class DigestIngestor(IDigestParser parser, IArchiveWriter archive, TimeProvider time, long maxFileBytes = BoundedFile.DefaultMaxBytes)
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
            var read = await ReadAsync(Path.GetFullPath(file), cancellationToken);
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
        try
        {
            await archive.StoreManyAsync(pending.ToList(), cancellationToken);
            foreach (var (edition, source) in pending)
                report.Add(new FileOutcome.Stored(source.Path, edition.Date, edition.Papers.Count));
        }
        catch (Exception batchFault) when (pending.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            await StoreOneByOneAsync(pending, report, batchFault, cancellationToken);
        }
        pending.Clear();
    }

    /// <summary>
    /// An edition the database refuses must not cost the others of its batch, so they are stored one at a time.
    /// When none can be stored the database itself is at fault: the pass fails, and the next one tries again.
    /// </summary>
    private async Task StoreOneByOneAsync(List<(Edition Edition, DigestSource Source)> pending, IngestReport report, Exception batchFault, CancellationToken cancellationToken)
    {
        var refused = new List<(DigestSource Source, Exception Fault)>();
        var stored = new List<FileOutcome>();
        foreach (var (edition, source) in pending)
        {
            try
            {
                await archive.StoreAsync(edition, source, cancellationToken);
                stored.Add(new FileOutcome.Stored(source.Path, edition.Date, edition.Papers.Count));
            }
            catch (Exception fault) when (!cancellationToken.IsCancellationRequested)
            {
                refused.Add((source, fault));
            }
        }
        if (stored.Count == 0)
            ExceptionDispatchInfo.Throw(batchFault);
        foreach (var outcome in stored)
            report.Add(outcome);
        foreach (var (source, fault) in refused)
            report.Add(new FileOutcome.Failed(source.Path,
                new InvalidDigest(Path.GetFileName(source.Path), $"the archive could not store its edition ({fault.GetType().Name})"), fault));
    }

    private async Task<ReadFile> ReadAsync(string fullPath, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fullPath);
        byte[] bytes;
        try
        {
            var read = await BoundedFile.ReadAsync(fullPath, maxFileBytes, cancellationToken);
            if (!read.TryGetValue(out bytes!, out var refusal))
                return new FinishedFile(new FileOutcome.Failed(fullPath, refusal));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new FinishedFile(Unforeseen(fullPath, e));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (await archive.GetSourceHashAsync(fullPath, cancellationToken) == hash)
            return new FinishedFile(new FileOutcome.Unchanged(fullPath));

        Result<Edition> parsed;
        try
        {
            parsed = parser.Parse(name, bytes);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new FinishedFile(Unforeseen(fullPath, e));
        }
        return parsed.TryGetValue(out var edition, out var problem)
            ? new ParsedFile(edition, new DigestSource(fullPath, hash, time.GetUtcNow()))
            : new FinishedFile(new FileOutcome.Failed(fullPath, problem));
    }

    /// <summary>A fault nobody foresaw (a bug) in reading or parsing one file fails that file; the log gets the exception.</summary>
    private static FileOutcome.Failed Unforeseen(string fullPath, Exception e) =>
        new(fullPath, new InvalidDigest(Path.GetFileName(fullPath), $"could not be read as a digest ({e.GetType().Name})"), e);

    private abstract record ReadFile;

    private sealed record ParsedFile(Edition Edition, DigestSource Source) : ReadFile;

    private sealed record FinishedFile(FileOutcome Outcome) : ReadFile;
}

/// <summary>What happened to one file.</summary>
public abstract record FileOutcome(string Path)
{
    public sealed record Stored(string Path, DateOnly Date, int PaperCount) : FileOutcome(Path);

    public sealed record Unchanged(string Path) : FileOutcome(Path);

    /// <param name="Cause">The exception behind an unforeseen failure, for the log only: its message may name server paths.</param>
    public sealed record Failed(string Path, Problem Problem, Exception? Cause = null) : FileOutcome(Path);
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
