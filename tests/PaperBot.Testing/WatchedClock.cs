using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PaperBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test each time code starts waiting on it (<c>Task.Delay</c>,
/// <c>WaitAsync</c> with this clock), so the test can assert the wait and then <see cref="FakeTimeProvider.Advance"/>
/// past it: no real time passes and nothing depends on how fast the machine is.
/// </summary>
public sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public WatchedClock() : this(new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>How long the next wait started on this clock is; returns as soon as some code starts one.</summary>
    public async Task<TimeSpan> NextWaitAsync() =>
        await _waits.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
}
