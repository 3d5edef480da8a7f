using PaperBot.Core.Hosting;
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
    ILogger<ScheduledDeliveryService> logger) : StoppableService
{
    /// <summary>The first look waits this long at most for the first ingest pass, so a start posts from a complete archive.</summary>
    private static readonly TimeSpan FirstIngestPatience = TimeSpan.FromSeconds(30);

    protected override async Task RunUntilStoppedAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAny(ingest.InitialPassCompleted, Task.Delay(FirstIngestPatience, time, stoppingToken));
        try
        {
            var first = true;
            while (!stoppingToken.IsCancellationRequested)
            {
                var lookedAt = time.GetUtcNow();
                await LookAsync(first, stoppingToken);
                first = false;
                await wakeUps.WaitAsync(UntilNextLook(lookedAt, time.GetUtcNow()), time, stoppingToken);
            }
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

    /// <summary>
    /// The wait from <paramref name="now"/> until the start of the minute after <paramref name="lookedAt"/>, when the last
    /// look began: none when that minute has begun meanwhile. A look that began just before a minute (a timer may fire a
    /// moment early, a look may be slow) is followed at once by another, so the channels of that minute are not left
    /// waiting for the next one.
    /// </summary>
    public static TimeSpan UntilNextLook(DateTimeOffset lookedAt, DateTimeOffset now)
    {
        var next = new DateTimeOffset(lookedAt.Year, lookedAt.Month, lookedAt.Day, lookedAt.Hour, lookedAt.Minute, 0, lookedAt.Offset).AddMinutes(1);
        return next > now ? next - now : TimeSpan.Zero;
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
