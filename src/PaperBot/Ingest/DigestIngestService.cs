using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Core.Hosting;
using PaperBot.Core.Ingest;
using PaperBot.Core.Observability;

namespace PaperBot.Ingest;

/// <summary>
/// Ingests the digest folder on start, then watches it and ingests new or changed files once a burst of
/// changes has been quiet for the debounce interval. The folder itself is looked at every
/// <see cref="FolderCheckInterval"/>: while it is missing that is logged (once) and shown in <see cref="IngestStatus"/>,
/// and when it comes back it is watched again and read whole.
/// </summary>
internal sealed partial class DigestIngestService(
    DigestIngestor ingestor,
    IngestStatus status,
    IOptions<DigestsOptions> options,
    TimeProvider time,
    PaperBotMetrics metrics,
    ILogger<DigestIngestService> logger) : StoppableService
{
    public static readonly TimeSpan FolderCheckInterval = TimeSpan.FromSeconds(2);

    protected override async Task RunUntilStoppedAsync(CancellationToken stoppingToken)
    {
        // Start-up must not wait for the first pass: the endpoints answer from what is already archived.
        await Task.Yield();
        var folder = options.Value.FullPath;
        TryCreate(folder);

        var changes = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        using var watch = new DigestFolderWatch(folder, path => changes.Writer.TryWrite(path), error => LogWatcherError(error));
        CheckFolder(watch, folder);
        await RunPassAsync(() => ingestor.IngestFolderAsync(folder, stoppingToken), initial: true, wholeFolder: true);

        var folderChecks = CheckFolderPeriodicallyAsync(watch, folder, changes.Writer, stoppingToken);
        try
        {
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
                    initial: false,
                    wholeFolder: rescan);
            }
        }
        finally
        {
            await folderChecks;
        }
    }

    private async Task CheckFolderPeriodicallyAsync(DigestFolderWatch watch, string folder, ChannelWriter<string> changes, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FolderCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (CheckFolder(watch, folder) == FolderState.Armed)
                    changes.TryWrite(DigestFolderWatcher.RescanMarker);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private FolderState CheckFolder(DigestFolderWatch watch, string folder)
    {
        FolderState state;
        try
        {
            state = watch.Check();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Such as the system's limit on inotify watches: logged, and tried again on the next tick.
            LogWatcherError(e);
            return FolderState.Missing;
        }
        var now = time.GetUtcNow();
        if (state == FolderState.Missing)
        {
            if (status.RecordFolderMissing(now))
                LogFolderMissing(folder);
        }
        else if (status.RecordFolderPresent(now))
            LogFolderBack(folder);
        return state;
    }

    private void TryCreate(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reported as a missing folder; the watch picks the folder up once someone creates it.
            LogCannotCreateFolder(e, folder);
        }
    }

    private async Task RunPassAsync(Func<Task<IngestReport>> pass, bool initial, bool wholeFolder)
    {
        try
        {
            var report = await pass();
            status.Record(report, time.GetUtcNow(), initial, wholeFolder);
            Count(report);
            foreach (var failure in report.Failures)
            {
                if (failure.Cause is { } cause)
                    LogUnforeseenFailure(cause, failure.Problem.Message);
                else
                    LogBrokenDigest(failure.Problem.Message);
            }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest not ingested: {Reason}")]
    private partial void LogUnforeseenFailure(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest ingest pass failed; it is retried on the next change")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest folder watcher error; rescanning the folder")]
    private partial void LogWatcherError(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest folder {Folder} is missing; nothing is ingested until it exists again")]
    private partial void LogFolderMissing(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest folder {Folder} is there again; watching it and reading it whole")]
    private partial void LogFolderBack(string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest folder {Folder} cannot be created")]
    private partial void LogCannotCreateFolder(Exception exception, string folder);
}
