using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Slack.WebApi;

namespace PaperBot.Slack.Tests.Fakes;

/// <summary>Records every wait the Slack client asks for, and waits not at all; given a fake clock, moves it on by the wait.</summary>
public sealed class InstantDelays(FakeTimeProvider? clock = null) : ISlackDelays
{
    private readonly ConcurrentQueue<TimeSpan> _requested = new();

    public IReadOnlyList<TimeSpan> Requested => _requested.ToList();

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        _requested.Enqueue(delay);
        if (delay > TimeSpan.Zero)
            clock?.Advance(delay);
        return Task.CompletedTask;
    }
}
