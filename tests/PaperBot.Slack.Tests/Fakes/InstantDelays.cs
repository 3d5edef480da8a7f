using System.Collections.Concurrent;
using PaperBot.Slack.WebApi;

namespace PaperBot.Slack.Tests.Fakes;

/// <summary>Records every wait the Slack client asks for, and waits not at all.</summary>
public sealed class InstantDelays : ISlackDelays
{
    private readonly ConcurrentQueue<TimeSpan> _requested = new();

    public IReadOnlyList<TimeSpan> Requested => _requested.ToList();

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        _requested.Enqueue(delay);
        return Task.CompletedTask;
    }
}
