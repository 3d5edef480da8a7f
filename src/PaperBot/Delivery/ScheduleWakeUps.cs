using PaperBot.Core.Subscriptions;
using PaperBot.Ingest;

namespace PaperBot.Delivery;

/// <summary>
/// Wakes the schedule before its next minute: when an ingest pass stored an edition (a late or revised digest goes out
/// at once) or a subscription changed here. Wake-ups that come while it is busy collapse into one.
/// </summary>
internal sealed class ScheduleWakeUps
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public ScheduleWakeUps(IngestStatus ingest, SubscriptionDirectory subscriptions)
    {
        ingest.EditionsStored += Wake;
        subscriptions.Changed += Wake;
    }

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one look covers them all.
        }
    }

    /// <returns>True when woken, false when <paramref name="timeout"/> passed.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signal = _signal.WaitAsync(stop.Token);
        var first = await Task.WhenAny(signal, Task.Delay(timeout, time, stop.Token));
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await signal; // it may have been taken just as the wait ended
            return true;
        }
        catch (OperationCanceledException) when (first != signal)
        {
            return false;
        }
    }
}
