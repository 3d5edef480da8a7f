using System.Globalization;
using System.Net.Http.Headers;

namespace PaperBot.Discord.Rest;

/// <summary>
/// Waits before sending when Discord said a bucket (per route and major parameter) or the global limit is spent.
/// Learns buckets from the <c>X-RateLimit-*</c> headers and 429s; never hard-codes a route's limit.
/// One instance is shared by every client so all requests of the bot count together.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time)
{
    /// <summary>Discord's documented global limit for a bot token.</summary>
    public const int GlobalRequestsPerSecond = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private DateTimeOffset _globalBlockedUntil;
    private DateTimeOffset _windowStart;
    private int _windowCount;

    public async Task WaitAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan delay;
            lock (_gate)
                delay = ReserveOrDelay(route, time.GetUtcNow());
            if (delay <= TimeSpan.Zero)
                return;
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>Records what the response headers say about the route's bucket.</summary>
    public void Observe(DiscordRoute route, HttpResponseHeaders headers)
    {
        var bucket = Header(headers, "X-RateLimit-Bucket");
        var remaining = Number(headers, "X-RateLimit-Remaining");
        var resetAfter = Number(headers, "X-RateLimit-Reset-After");
        lock (_gate)
        {
            if (bucket is not null)
                _bucketOfRoute[route.RouteKey] = bucket;
            if (remaining is null || resetAfter is null)
                return;
            var state = State(route);
            state.Remaining = (int)remaining.Value;
            state.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter.Value);
        }
    }

    /// <summary>A 429: nothing more goes to the bucket (or anywhere, when global) until <paramref name="retryAfter"/> has passed.</summary>
    public void Blocked(DiscordRoute route, bool global, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (global)
            {
                if (until > _globalBlockedUntil)
                    _globalBlockedUntil = until;
                return;
            }
            var state = State(route);
            state.Remaining = 0;
            state.ResetAt = until;
        }
    }

    private TimeSpan ReserveOrDelay(DiscordRoute route, DateTimeOffset now)
    {
        if (route.UsesBotToken)
        {
            if (now < _globalBlockedUntil)
                return _globalBlockedUntil - now;
            if (now - _windowStart >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _windowCount = 0;
            }
            if (_windowCount >= GlobalRequestsPerSecond)
                return _windowStart + TimeSpan.FromSeconds(1) - now;
        }

        if (_buckets.TryGetValue(BucketKey(route), out var state))
        {
            if (state.Remaining <= 0 && now < state.ResetAt)
                return state.ResetAt - now;
            // After the reset Discord refills the bucket; the next response tells by how much.
            state.Remaining = now >= state.ResetAt ? Math.Max(state.Remaining, 1) - 1 : state.Remaining - 1;
        }
        if (route.UsesBotToken)
            _windowCount++;
        return TimeSpan.Zero;
    }

    private BucketState State(DiscordRoute route)
    {
        var key = BucketKey(route);
        if (!_buckets.TryGetValue(key, out var state))
            _buckets[key] = state = new BucketState();
        return state;
    }

    private string BucketKey(DiscordRoute route) =>
        _bucketOfRoute.TryGetValue(route.RouteKey, out var bucket) ? $"{bucket} {route.MajorParameter}" : route.RouteKey;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed class BucketState
    {
        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; }
    }
}
