using System.Collections.Concurrent;

namespace PaperBot.Slack.WebApi;

/// <summary>
/// Keeps to Slack's one message per second per channel. A channel's next post goes no sooner than one interval after
/// the previous one was answered: Slack counted the previous one at some moment before its answer came, so however long
/// requests take on the way, two posts never reach it less than an interval apart.
/// </summary>
public sealed class ChannelPacer(TimeProvider time, ISlackDelays delays)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Timers count whole milliseconds and may fire one early: a little to spare, so a slot is never short of the interval.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(5);

    /// <summary>Channels remembered before those whose slot has long passed are forgotten.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, SlotHolder> _channels = new(StringComparer.Ordinal);

    private long IntervalTicks => (Interval + Margin).Ticks * time.TimestampFrequency / TimeSpan.TicksPerSecond;

    /// <summary>Waits for the channel's next slot and takes it; call <see cref="Done"/> once the post is answered.</summary>
    public Task WaitForSlotAsync(string channel, CancellationToken cancellationToken)
    {
        if (_channels.Count > PruneAbove)
            Prune();
        var holder = _channels.GetOrAdd(channel, static _ => new SlotHolder());
        var now = time.GetTimestamp();
        long slot;
        lock (holder)
        {
            slot = Math.Max(holder.Next, now);
            holder.Next = slot + IntervalTicks;
        }
        return slot <= now ? Task.CompletedTask : delays.WaitAsync(time.GetElapsedTime(now, slot), cancellationToken);
    }

    /// <summary>The post taken at the last slot is answered (or failed): the next one waits an interval from now.</summary>
    public void Done(string channel)
    {
        if (!_channels.TryGetValue(channel, out var holder))
            return;
        var next = time.GetTimestamp() + IntervalTicks;
        lock (holder)
            holder.Next = Math.Max(holder.Next, next);
    }

    private void Prune()
    {
        var now = time.GetTimestamp();
        foreach (var (channel, holder) in _channels)
        {
            if (holder.Next < now - IntervalTicks)
                _channels.TryRemove(new KeyValuePair<string, SlotHolder>(channel, holder));
        }
    }

    private sealed class SlotHolder
    {
        public long Next { get; set; } = long.MinValue;
    }
}
