using System.Collections.Concurrent;

namespace PaperBot.Slack.WebApi;

/// <summary>
/// Keeps to Slack's "about one message per second per channel": each channel gets its next slot
/// one interval after the previous one.
/// </summary>
public sealed class ChannelPacer(TimeProvider time, ISlackDelays delays)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, SlotHolder> _channels = new(StringComparer.Ordinal);

    public Task WaitForSlotAsync(string channel, CancellationToken cancellationToken)
    {
        var holder = _channels.GetOrAdd(channel, static _ => new SlotHolder());
        var now = time.GetUtcNow();
        DateTimeOffset slot;
        lock (holder)
        {
            slot = holder.Next > now ? holder.Next : now;
            holder.Next = slot + Interval;
        }
        return delays.WaitAsync(slot - now, cancellationToken);
    }

    private sealed class SlotHolder
    {
        public DateTimeOffset Next { get; set; } = DateTimeOffset.MinValue;
    }
}
