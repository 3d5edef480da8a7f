namespace PaperBot.Testing.Slack;

/// <summary>
/// Requests matching a predicate wait here until <see cref="Release"/>: for tests that stop (or kill) the bot while Slack
/// is in the middle of a call. <see cref="Reached"/> completes when the first one arrives.
/// </summary>
public sealed class FakeSlackHold
{
    private readonly TaskCompletionSource<SlackCall> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    internal FakeSlackHold(Func<SlackCall, bool> when, HoldPoint at, bool dropIfAborted)
    {
        When = when;
        At = at;
        DropIfAborted = dropIfAborted;
    }

    internal Func<SlackCall, bool> When { get; }

    internal HoldPoint At { get; }

    /// <summary>A held request whose client went away (killed, timed out) is then not carried out at all.</summary>
    internal bool DropIfAborted { get; }

    public bool IsReleased => _released.Task.IsCompleted;

    /// <summary>The first request held.</summary>
    public Task<SlackCall> Reached => _reached.Task;

    /// <summary>Requests held so far.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Lets every held request (and any later matching one) go on.</summary>
    public void Release() => _released.TrySetResult();

    internal async Task WaitAsync(SlackCall call)
    {
        Interlocked.Increment(ref _held);
        _reached.TrySetResult(call);
        await _released.Task;
    }
}
