namespace PaperBot.Slack.Work;

/// <summary>
/// The event ids handled lately, so a retried or repeated event gets no second reply. Bounded in count and
/// in time: Slack's last retry comes about five minutes after the first delivery.
/// </summary>
public sealed class SeenEvents(TimeProvider time)
{
    public const int MaxRemembered = 10_000;
    public static readonly TimeSpan RememberFor = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();

    /// <summary>True the first time an id is offered (within the time it is remembered).</summary>
    public bool TryFirstSight(string eventId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Forget(now);
            if (_seen.ContainsKey(eventId))
                return false;
            _seen[eventId] = now;
            _order.Enqueue((eventId, now));
            return true;
        }
    }

    /// <summary>Forgets an id whose work could not be queued, so Slack's retry of it is handled.</summary>
    public void Release(string eventId)
    {
        lock (_gate)
            _seen.Remove(eventId);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_order.Count > 0 && (_order.Count > MaxRemembered || now - _order.Peek().At > RememberFor))
        {
            var (id, at) = _order.Dequeue();
            if (_seen.TryGetValue(id, out var recorded) && recorded == at)
                _seen.Remove(id);
        }
    }
}
