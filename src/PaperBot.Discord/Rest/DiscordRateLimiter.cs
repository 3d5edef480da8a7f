using System.Globalization;
using System.Net.Http.Headers;

namespace PaperBot.Discord.Rest;

/// <summary>
/// Paces every request of the bot, shared by all its clients, so that many channels delivered at once stay within Discord's limits.
/// A request passes three gates in turn, each a first-come-first-served queue woken by a timer or a response, never by polling:
/// <list type="number">
/// <item>its bucket (per route and major parameter, learned from the <c>X-RateLimit-*</c> headers and 429s, never hard-coded;
/// a bucket not known yet lets one request through at a time until its first answer tells the limit);</item>
/// <item>a connection slot, so a granted request never waits for a connection and arrives when it was paced;</item>
/// <item>for bot-token routes, Discord's global limit of 50 per second, which no header announces: evenly spaced, and a request
/// counts from being let through until a second after its answer, so however the network delays requests no more than
/// <see cref="GlobalRequestsPerSecond"/> can arrive in any second. A global 429 pauses this gate for every route.</item>
/// </list>
/// </summary>
internal sealed class DiscordRateLimiter
{
    /// <summary>Discord's documented global limit for a bot token.</summary>
    public const int GlobalRequestsPerSecond = 50;

    /// <summary>Responses whose reset lies within this of the known one belong to the same window.</summary>
    private static readonly TimeSpan SameWindowTolerance = TimeSpan.FromMilliseconds(250);

    /// <summary>Idle buckets are forgotten once this many have been created since the last sweep (threads come and go daily).</summary>
    private const int SweepEvery = 2048;

    private readonly TimeProvider _time;
    private readonly DiscordRestTimings _timings;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _byRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _byDiscordBucket = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _connections;
    private readonly GlobalGate _global;
    private int _createdSinceSweep;

    public DiscordRateLimiter(TimeProvider time, DiscordRestTimings timings)
    {
        _time = time;
        _timings = timings;
        _connections = new SemaphoreSlim(timings.MaxConcurrentRequests, timings.MaxConcurrentRequests);
        _global = new GlobalGate(this, GlobalRequestsPerSecond, TimeSpan.FromSeconds(1) + timings.GlobalSafetyMargin);
    }

    /// <summary>How many requests the global gate has let through so far.</summary>
    internal int GlobalGranted
    {
        get { lock (_gate) return _global.Granted; }
    }

    /// <summary>How many requests wait for the route's bucket.</summary>
    internal int WaitingFor(DiscordRoute route)
    {
        lock (_gate)
            return _byRoute.TryGetValue(route.RouteKey, out var bucket) ? bucket.Waiting.Count : 0;
    }

    /// <summary>
    /// Waits until the request may be sent. The lease must be completed with the response headers (or disposed without, on a failure).
    /// No lease when the route's bucket is known to stay spent longer than <see cref="DiscordRestTimings.MaxRetryAfter"/>.
    /// </summary>
    public async Task<Admission> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var bucketWait = EnterBucket(route, cancellationToken, out var bucket, out var tooLong);
        if (tooLong > TimeSpan.Zero)
            return new Admission(null, tooLong);
        if (bucketWait is not null)
            bucket = await bucketWait; // the bucket it was let through by: Discord may have merged it meanwhile

        var lease = new RateLimitLease(this, route, bucket);
        try
        {
            await _connections.WaitAsync(cancellationToken);
            lease.HoldsConnection = true;
            if (route.UsesBotToken)
            {
                await _global.EnterAsync(cancellationToken);
                lease.HoldsGlobal = true;
            }
        }
        catch
        {
            lease.Dispose();
            throw;
        }
        return new Admission(lease, TimeSpan.Zero);
    }

    /// <summary>A 429: nothing more goes to the bucket (or to any bot-token route, when global) until <paramref name="retryAfter"/> has passed.</summary>
    public void Blocked(DiscordRoute route, bool global, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var until = now + Ticks(retryAfter);
            if (global)
            {
                _global.PauseUntil(until, now);
                return;
            }
            var bucket = BucketOf(route);
            bucket.Known = true;
            bucket.Limit = Math.Max(bucket.Limit, 1);
            bucket.Remaining = 0;
            bucket.ResetAt = bucket.ResetAt == Bucket.Unknown ? until : Math.Max(bucket.ResetAt, until);
            Pump(bucket, now);
        }
    }

    private Task<Bucket>? EnterBucket(DiscordRoute route, CancellationToken cancellationToken, out Bucket bucket, out TimeSpan tooLong)
    {
        tooLong = TimeSpan.Zero;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            bucket = BucketOf(route);
            if (bucket.Waiting.Count == 0 && bucket.TryTake(now))
                return null;
            if (bucket is { Known: true, Remaining: <= 0 } && bucket.ResetAt != Bucket.Unknown &&
                Elapsed(now, bucket.ResetAt) is var wait && wait > _timings.MaxRetryAfter)
            {
                tooLong = wait;
                return null;
            }
            var waiter = new Waiter(bucket);
            waiter.Node = bucket.Waiting.AddLast(waiter);
            waiter.Watch(this, cancellationToken);
            Pump(bucket, now);
            return waiter.Task;
        }
    }

    /// <summary>What the answer's headers say about the bucket; the request no longer counts as in flight.</summary>
    private void Complete(RateLimitLease lease, HttpResponseHeaders? headers)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var taken = lease.Bucket;
            var target = taken;
            if (headers is not null)
            {
                if (Header(headers, "X-RateLimit-Bucket") is { } discordBucket)
                    target = Adopt(lease.Route, taken, discordBucket);
                var limit = Number(headers, "X-RateLimit-Limit");
                var remaining = Number(headers, "X-RateLimit-Remaining");
                var resetAfter = Number(headers, "X-RateLimit-Reset-After");
                if (limit is not null && remaining is not null && resetAfter is not null)
                {
                    // Requests still in flight may count in the window this answer describes.
                    var othersInFlight = target == taken ? taken.InFlight - 1 : target.InFlight;
                    target.Observe((int)limit.Value, (int)remaining.Value - othersInFlight, now + Ticks(TimeSpan.FromSeconds(Math.Max(resetAfter.Value, 0))),
                        now, Ticks(SameWindowTolerance));
                }
            }
            taken.InFlight--;
            Pump(taken, now);
            if (target != taken)
                Pump(target, now);
            ReleaseGlobal(lease, now);
        }
    }

    private void ReleaseGlobal(RateLimitLease lease, long now)
    {
        if (!lease.HoldsGlobal)
            return;
        lease.HoldsGlobal = false;
        _global.Answered(now);
    }

    /// <summary>A lease given up before its request was sent (cancelled while waiting for a connection or the global gate).</summary>
    private void GiveBack(RateLimitLease lease)
    {
        lock (_gate)
        {
            var bucket = lease.Bucket;
            bucket.InFlight--;
            if (bucket.Known && bucket.Remaining < bucket.Limit)
                bucket.Remaining++;
            var now = _time.GetTimestamp();
            Pump(bucket, now);
            ReleaseGlobal(lease, now);
        }
    }

    /// <summary>Discord named the route's bucket: routes that share it (with the same major parameter) share one state from now on.</summary>
    private Bucket Adopt(DiscordRoute route, Bucket current, string discordBucket)
    {
        var key = $"{discordBucket} {route.MajorParameter}";
        if (current.DiscordKey == key)
            return current;
        if (_byDiscordBucket.TryGetValue(key, out var shared) && shared != current)
        {
            _byRoute[route.RouteKey] = shared;
            while (current.Waiting.First is { } first)
            {
                current.Waiting.Remove(first);
                first.Value.Bucket = shared;
                first.Value.Node = shared.Waiting.AddLast(first.Value);
            }
            return shared;
        }
        if (current.DiscordKey is { } previous && _byDiscordBucket.GetValueOrDefault(previous) == current)
            _byDiscordBucket.Remove(previous);
        current.DiscordKey = key;
        _byDiscordBucket[key] = current;
        return current;
    }

    private Bucket BucketOf(DiscordRoute route)
    {
        if (_byRoute.TryGetValue(route.RouteKey, out var bucket))
            return bucket;
        if (++_createdSinceSweep >= SweepEvery)
            Sweep(_time.GetTimestamp());
        bucket = new Bucket();
        _byRoute[route.RouteKey] = bucket;
        return bucket;
    }

    /// <summary>Forgets buckets nobody waits on or sends to whose window has passed: the next request there simply learns the bucket again.</summary>
    private void Sweep(long now)
    {
        _createdSinceSweep = 0;
        foreach (var (routeKey, bucket) in _byRoute.ToList())
        {
            if (bucket.IsIdleAt(now))
            {
                _byRoute.Remove(routeKey);
                if (bucket.DiscordKey is { } key && _byDiscordBucket.GetValueOrDefault(key) == bucket)
                    _byDiscordBucket.Remove(key);
                bucket.Timer?.Dispose();
            }
        }
    }

    /// <summary>Lets waiting requests through while the bucket allows; otherwise sets its timer for when it refills.</summary>
    private void Pump(Bucket bucket, long now)
    {
        while (bucket.Waiting.First is { } first && bucket.TryTake(now))
        {
            bucket.Waiting.Remove(first);
            first.Value.Node = null;
            first.Value.Grant(bucket);
        }
        if (bucket.Waiting.Count > 0 && bucket.Known && bucket.ResetAt != Bucket.Unknown && bucket.ResetAt > now)
        {
            bucket.Timer ??= _time.CreateTimer(static state => ((BucketTimer)state!).Fire(), new BucketTimer(this, bucket), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            bucket.Timer.Change(Elapsed(now, bucket.ResetAt) + TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
        }
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node is null)
                return;
            waiter.Bucket.Waiting.Remove(waiter.Node);
            waiter.Node = null;
            waiter.Cancel(cancellationToken);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private TimeSpan Elapsed(long from, long to) => TimeSpan.FromSeconds((double)(to - from) / _time.TimestampFrequency);

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The outcome of waiting: a lease to send under, or how long the bucket stays spent when that is too long to wait.</summary>
    public readonly record struct Admission(RateLimitLease? Lease, TimeSpan TooLong);

    /// <summary>The right to send one request; complete it with the answer's headers, and dispose it when the answer is read.</summary>
    public sealed class RateLimitLease : IDisposable
    {
        private readonly DiscordRateLimiter _limiter;
        private bool _completed;

        internal RateLimitLease(DiscordRateLimiter limiter, DiscordRoute route, Bucket bucket)
        {
            _limiter = limiter;
            Route = route;
            Bucket = bucket;
        }

        internal DiscordRoute Route { get; }

        internal Bucket Bucket { get; }

        internal bool HoldsConnection { get; set; }

        /// <summary>Counted by the global gate until answered.</summary>
        internal bool HoldsGlobal { get; set; }

        internal bool Sent { get; set; }

        /// <summary>The answer came: its headers teach the bucket, and the next request of the bucket may go.</summary>
        public void Complete(HttpResponseHeaders headers)
        {
            if (_completed)
                return;
            _completed = true;
            _limiter.Complete(this, headers);
        }

        public void Dispose()
        {
            if (!_completed)
            {
                _completed = true;
                if (Sent)
                    _limiter.Complete(this, null);
                else
                    _limiter.GiveBack(this);
            }
            if (HoldsConnection)
            {
                HoldsConnection = false;
                _limiter._connections.Release();
            }
        }
    }

    /// <summary>One bucket's state as far as this bot knows it. Guarded by the limiter's lock.</summary>
    internal sealed class Bucket
    {
        public const long Unknown = long.MaxValue;

        /// <summary>An answer has told the limit; until then one request goes at a time.</summary>
        public bool Known;
        public int Limit;
        public int Remaining;

        /// <summary>When the window ends, as a timestamp; <see cref="Unknown"/> after a refill until the next answer tells.</summary>
        public long ResetAt = Unknown;
        public int InFlight;
        public string? DiscordKey;
        public ITimer? Timer;
        public readonly LinkedList<Waiter> Waiting = new();

        public bool TryTake(long now)
        {
            if (!Known)
            {
                if (InFlight > 0)
                    return false;
                InFlight++;
                return true;
            }
            if (ResetAt != Unknown && now >= ResetAt)
            {
                Remaining = Math.Max(0, Limit - InFlight);
                ResetAt = Unknown;
            }
            if (Remaining > 0 || (ResetAt == Unknown && InFlight == 0))
            {
                // With the reset unknown and nothing in flight, no answer is coming to tell more: one request finds out.
                Remaining = Math.Max(0, Remaining - 1);
                InFlight++;
                return true;
            }
            return false;
        }

        public void Observe(int limit, int remaining, long resetAt, long now, long tolerance)
        {
            var sameWindow = Known && ResetAt != Unknown && now < ResetAt && resetAt <= ResetAt + tolerance;
            Remaining = Math.Max(0, sameWindow ? Math.Min(Remaining, remaining) : remaining);
            ResetAt = sameWindow ? Math.Max(ResetAt, resetAt) : resetAt;
            Limit = Math.Max(limit, 1);
            Known = true;
        }

        public bool IsIdleAt(long now) => InFlight == 0 && Waiting.Count == 0 && (ResetAt == Unknown || ResetAt <= now);
    }

    internal sealed class Waiter(Bucket bucket)
    {
        private readonly TaskCompletionSource<Bucket> _granted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _registration;

        public Bucket Bucket { get; set; } = bucket;

        public LinkedListNode<Waiter>? Node { get; set; }

        public Task<Bucket> Task => _granted.Task;

        public void Watch(DiscordRateLimiter limiter, CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
                _registration = cancellationToken.UnsafeRegister(static (state, token) =>
                {
                    var (owner, waiter) = ((DiscordRateLimiter, Waiter))state!;
                    owner.Cancel(waiter, token);
                }, (limiter, this));
        }

        public void Grant(Bucket from)
        {
            _registration.Dispose();
            _granted.TrySetResult(from);
        }

        public void Cancel(CancellationToken cancellationToken)
        {
            _registration.Dispose();
            _granted.TrySetCanceled(cancellationToken);
        }
    }

    private sealed class BucketTimer(DiscordRateLimiter limiter, Bucket bucket)
    {
        public void Fire()
        {
            lock (limiter._gate)
                limiter.Pump(bucket, limiter._time.GetTimestamp());
        }
    }

    /// <summary>
    /// The global gate. A request arrives at Discord some time between being let through here and its answer coming back, so it
    /// counts against the window from the moment it is let through until a window after its answer: a new request goes only
    /// when fewer than <c>limit</c> others could still arrive within one window of it. However the network delays each one,
    /// no window then ever sees more than <c>limit</c> arrive. Requests are also spaced evenly (with a small burst allowance
    /// that absorbs a late timer), so a second's worth never goes out at once.
    /// </summary>
    private sealed class GlobalGate
    {
        private const int Burst = 2;

        private readonly DiscordRateLimiter _owner;
        private readonly int _limit;
        private readonly long _window;
        private readonly long _spacing;
        private readonly Queue<long> _answeredAt = new();
        private readonly LinkedList<GateWaiter> _waiting = new();
        private readonly ITimer _timer;
        private int _inFlight;
        private long _nextSlot;

        public int Granted { get; private set; }

        private long _pausedUntil;

        public GlobalGate(DiscordRateLimiter owner, int limit, TimeSpan window)
        {
            _owner = owner;
            _limit = limit;
            _window = owner.Ticks(window);
            _spacing = _window / limit;
            _nextSlot = long.MinValue / 2;
            _timer = owner._time.CreateTimer(static state => ((GlobalGate)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public Task EnterAsync(CancellationToken cancellationToken)
        {
            lock (_owner._gate)
            {
                var now = _owner._time.GetTimestamp();
                if (_waiting.Count == 0 && TryTake(now))
                    return Task.CompletedTask;
                var waiter = new GateWaiter();
                waiter.Node = _waiting.AddLast(waiter);
                if (cancellationToken.CanBeCanceled)
                    waiter.Registration = cancellationToken.UnsafeRegister(static (state, token) =>
                    {
                        var (gate, w) = ((GlobalGate, GateWaiter))state!;
                        gate.Cancel(w, token);
                    }, (this, waiter));
                Pump(now);
                return waiter.Granted.Task;
            }
        }

        /// <summary>The request let through was answered (or given up): it can no longer arrive later than now. Called under the owner's lock.</summary>
        public void Answered(long now)
        {
            _inFlight--;
            _answeredAt.Enqueue(now);
            Pump(now);
        }

        /// <summary>Called under the owner's lock.</summary>
        public void PauseUntil(long until, long now)
        {
            _pausedUntil = Math.Max(_pausedUntil, until);
            Pump(now);
        }

        private void Fire()
        {
            lock (_owner._gate)
                Pump(_owner._time.GetTimestamp());
        }

        private void Cancel(GateWaiter waiter, CancellationToken token)
        {
            lock (_owner._gate)
            {
                if (waiter.Node is null)
                    return;
                _waiting.Remove(waiter.Node);
                waiter.Node = null;
                waiter.Registration.Dispose();
                waiter.Granted.TrySetCanceled(token);
            }
        }

        private void Pump(long now)
        {
            while (_waiting.First is { } first && TryTake(now))
            {
                _waiting.Remove(first);
                first.Value.Node = null;
                first.Value.Registration.Dispose();
                first.Value.Granted.TrySetResult();
            }
            // With every place taken by requests still unanswered, the next answer pumps again; no timer is needed.
            if (_waiting.Count > 0 && NextAt() is var next && next != long.MaxValue)
                _timer.Change(_owner.Elapsed(now, Math.Max(next, now)) + TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
        }

        private bool TryTake(long now)
        {
            while (_answeredAt.Count > 0 && _answeredAt.Peek() + _window <= now)
                _answeredAt.Dequeue();
            if (now < NextAt())
                return false;
            _inFlight++;
            Granted++;
            _nextSlot = Math.Max(_nextSlot, now) + _spacing;
            return true;
        }

        /// <summary>The earliest the next request may go: after any pause, on its spaced slot, and once a place in the window is free.</summary>
        private long NextAt()
        {
            var next = Math.Max(_pausedUntil, _nextSlot - Burst * _spacing);
            if (_inFlight + _answeredAt.Count >= _limit)
                next = _answeredAt.Count > 0 ? Math.Max(next, _answeredAt.Peek() + _window) : long.MaxValue;
            return next;
        }

        private sealed class GateWaiter
        {
            public readonly TaskCompletionSource Granted = new(TaskCreationOptions.RunContinuationsAsynchronously);
            public LinkedListNode<GateWaiter>? Node;
            public CancellationTokenRegistration Registration;
        }
    }
}
