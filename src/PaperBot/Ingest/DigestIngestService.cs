using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Core.Ingest;
using PaperBot.Core.Observability;

namespace PaperBot.Ingest;

/// <summary>
/// Ingests the digest folder on start, then watches it and ingests new or changed files once a burst of
/// changes has been quiet for the debounce interval.
/// </summary>
internal sealed partial class DigestIngestService(
    DigestIngestor ingestor,
    IngestStatus status,
    IOptions<DigestsOptions> options,
    TimeProvider time,
    PaperBotMetrics metrics,
    ILogger<DigestIngestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up must not wait for the first pass: the endpoints answer from what is already archived.
        await Task.Yield();
        var folder = options.Value.FullPath;
        Directory.CreateDirectory(folder);

        var changes = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        using var watcher = DigestFolderWatcher.Start(folder, path => changes.Writer.TryWrite(path), error => LogWatcherError(error));

        await RunPassAsync(() => ingestor.IngestFolderAsync(folder, stoppingToken), initial: true);

        var debounce = TimeSpan.FromMilliseconds(options.Value.DebounceMilliseconds);
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(debounce, time, stoppingToken);
            var paths = new HashSet<string>(StringComparer.Ordinal);
            while (changes.Reader.TryRead(out var path))
                paths.Add(path);
            var rescan = paths.Contains(DigestFolderWatcher.RescanMarker);
            await RunPassAsync(
                () => rescan ? ingestor.IngestFolderAsync(folder, stoppingToken) : ingestor.IngestFilesAsync(paths.Where(File.Exists).Order(), stoppingToken),
                initial: false);
        }
    }

    private async Task RunPassAsync(Func<Task<IngestReport>> pass, bool initial)
    {
        try
        {
            var report = await pass();
            status.Record(report, time.GetUtcNow(), initial);
            Count(report);
            foreach (var failure in report.Failures)
                LogBrokenDigest(failure.Problem.Message);
            if (initial || report.Stored > 0 || report.Failures.Count > 0)
                LogPass(report.Stored, report.Unchanged, report.Failures.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database fault fails this pass, not the bot: the next change or restart tries again.
            LogPassFailed(e);
        }
    }

    private void Count(IngestReport report)
    {
        foreach (var outcome in report.Outcomes)
        {
            if (outcome is FileOutcome.Stored)
                metrics.EditionIngested();
            else if (outcome is FileOutcome.Failed)
                metrics.DigestFailed();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest ingest: {Stored} stored, {Unchanged} unchanged, {Failed} failed")]
    private partial void LogPass(int stored, int unchanged, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest not ingested: {Reason}")]
    private partial void LogBrokenDigest(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest ingest pass failed; it is retried on the next change")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest folder watcher error; rescanning the folder")]
    private partial void LogWatcherError(Exception exception);
}
