using PaperBot.Core.Subscriptions;
using PaperBot.Ingest;

namespace PaperBot.Delivery;

/// <summary>
/// The daily schedule: looks at every minute's start (and when woken by a digest or a subscription change) for channels
/// that are owed an edition, and starts their deliveries, which run on their own while it keeps looking. Driven by
/// <see cref="TimeProvider"/>, so it neither drifts nor busy-waits, and reads the database once a look.
/// </summary>
internal sealed partial class ScheduledDeliveryService(
    ScheduledDeliveries deliveries,
    ScheduleWakeUps wakeUps,
    IngestStatus ingest,
    TimeProvider time,
    ILogger<ScheduledDeliveryService> logger) : BackgroundService
{
    /// <summary>The first look waits this long at most for the first ingest pass, so a start posts from a complete archive.</summary>
    private static readonly TimeSpan FirstIngestPatience = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAny(ingest.InitialPassCompleted, Task.Delay(FirstIngestPatience, time, stoppingToken));
        try
        {
            var first = true;
            while (!stoppingToken.IsCancellationRequested)
            {
                await LookAsync(first, stoppingToken);
                first = false;
                await wakeUps.WaitAsync(UntilNextMinute(time.GetUtcNow()), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Stopping cancels the deliveries; each hands its unfinished work back to the record before it ends.
            try
            {
                await deliveries.Running;
            }
            catch (Exception e)
            {
                LogStopFailed(e);
            }
        }
    }

    private async Task LookAsync(bool first, CancellationToken stoppingToken)
    {
        try
        {
            var pass = await deliveries.StartDueAsync(stoppingToken);
            if (first)
                LogFirstLook(pass.Subscriptions, pass.Started.Count, pass.NextSlot is { } next ? $"{next:yyyy-MM-dd HH:mm} UTC" : "none");
            else if (pass.Started.Count > 0)
                LogStarted(pass.Started.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may be away for a moment; the next minute looks again, and nothing due is lost meanwhile.
            LogLookFailed(e);
        }
    }

    public static TimeSpan UntilNextMinute(DateTimeOffset now)
    {
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, now.Offset).AddMinutes(1);
        return next - now;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule: {Subscriptions} channel(s) subscribed, {Due} delivery(ies) due now; the next channel's time is {NextSlot}")]
    private partial void LogFirstLook(int subscriptions, int due, string nextSlot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule: {Count} delivery(ies) due, started")]
    private partial void LogStarted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule: looking for due deliveries failed; looking again next minute")]
    private partial void LogLookFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule: a delivery failed while stopping")]
    private partial void LogStopFailed(Exception exception);
}
