using System.Diagnostics;
using System.Globalization;

namespace PaperBot.Testing.Discord;

/// <summary>The limits an enforcing fake keeps, as Discord documents them; tests may shorten the windows.</summary>
public sealed record FakeRateLimitRules
{
    /// <summary>Discord's global limit per bot token, over every bot-token route.</summary>
    public int GlobalPerSecond { get; init; } = 50;

    /// <summary>Create message (in a channel or a thread), start thread, edit message: per channel or thread id.</summary>
    public int PerChannel { get; init; } = 5;

    public TimeSpan PerChannelWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Modify channel (a thread's name): Discord allows two renames per ten minutes.</summary>
    public int Renames { get; init; } = 2;

    public TimeSpan RenameWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>What a fake that does not enforce answers: truthful headers of windows too large to ever fill.</summary>
    public static FakeRateLimitRules Lenient { get; } = new() { GlobalPerSecond = int.MaxValue, PerChannel = 10_000, PerChannelWindow = TimeSpan.FromSeconds(1), Renames = 10_000, RenameWindow = TimeSpan.FromSeconds(1) };
}

/// <summary>What the enforcing fake decided about one request: go ahead (with the bucket's headers), or a 429.</summary>
internal readonly record struct RateDecision(bool Allowed, bool Global, double RetryAfter, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Discord's rate limits as the fake keeps them, measured when a request arrives: a sliding second for the global limit
/// (every arrival counts, refused ones too), and fixed windows per bucket and major parameter, started by the first request,
/// whose state every answer reports in truthful <c>X-RateLimit-*</c> headers.
/// </summary>
internal sealed class FakeRateLimits(FakeRateLimitRules rules)
{
    private readonly Lock _gate = new();
    private readonly Queue<long> _globalArrivals = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private int _globalRefusals;
    private int _bucketRefusals;
    private int _maxInOneSecond;
    private long _firstArrival;
    private readonly List<string> _refusals = [];

    public FakeRateLimitRules Rules => rules;

    public int GlobalRefusals => Volatile.Read(ref _globalRefusals);

    public int BucketRefusals => Volatile.Read(ref _bucketRefusals);

    /// <summary>The most bot-token requests that arrived within any one second.</summary>
    public int MaxArrivalsInOneSecond
    {
        get { lock (_gate) return _maxInOneSecond; }
    }

    /// <summary>When each limit-exceeding request arrived (seconds after the first request) and which limit it broke, for failure messages.</summary>
    public IReadOnlyList<string> Refusals
    {
        get { lock (_gate) return _refusals.ToList(); }
    }

    public RateDecision Decide(string bucket, string majorId, bool usesBotToken, long arrivedAt)
    {
        var (limit, window) = bucket switch
        {
            "update_channel" => (rules.Renames, rules.RenameWindow),
            _ => (rules.PerChannel, rules.PerChannelWindow),
        };
        lock (_gate)
        {
            if (_firstArrival == 0)
                _firstArrival = arrivedAt;
            var at = ((double)(arrivedAt - _firstArrival) / Stopwatch.Frequency).ToString("0.000", CultureInfo.InvariantCulture);
            if (usesBotToken)
            {
                var second = Stopwatch.Frequency;
                while (_globalArrivals.Count > 0 && arrivedAt - _globalArrivals.Peek() >= second)
                    _globalArrivals.Dequeue();
                _globalArrivals.Enqueue(arrivedAt);
                _maxInOneSecond = Math.Max(_maxInOneSecond, _globalArrivals.Count);
                if (_globalArrivals.Count > rules.GlobalPerSecond)
                {
                    _globalRefusals++;
                    _refusals.Add($"{at}s global");
                    var retry = Math.Max(0.001, (double)(_globalArrivals.Peek() + second - arrivedAt) / second);
                    return new RateDecision(false, true, retry, new Dictionary<string, string>
                    {
                        ["Retry-After"] = Math.Ceiling(retry).ToString(CultureInfo.InvariantCulture), ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global",
                    });
                }
            }

            var key = $"{bucket} {majorId}";
            if (!_windows.TryGetValue(key, out var state) || arrivedAt >= state.EndsAt)
            {
                state = new Window(arrivedAt + (long)(window.TotalSeconds * Stopwatch.Frequency));
                _windows[key] = state;
            }
            var resetAfter = (double)(state.EndsAt - arrivedAt) / Stopwatch.Frequency;
            if (state.Count >= limit)
            {
                _bucketRefusals++;
                _refusals.Add($"{at}s {key}");
                var headers = Headers(bucket, limit, 0, resetAfter);
                headers["Retry-After"] = Math.Ceiling(resetAfter).ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Scope"] = "user";
                return new RateDecision(false, false, resetAfter, headers);
            }
            state.Count++;
            return new RateDecision(true, false, 0, Headers(bucket, limit, limit - state.Count, resetAfter));
        }
    }

    private static Dictionary<string, string> Headers(string bucket, int limit, int remaining, double resetAfter)
    {
        resetAfter = Math.Ceiling(resetAfter * 1000) / 1000; // never earlier than the truth
        return new()
        {
        ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Reset"] = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + resetAfter).ToString("0.000", CultureInfo.InvariantCulture),
        ["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture),
        // Like Discord's: names the bucket, not the channel (the major parameter is counted separately).
        ["X-RateLimit-Bucket"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(bucket)))[..32],
        };
    }

    private sealed class Window(long endsAt)
    {
        public long EndsAt { get; } = endsAt;

        public int Count { get; set; }
    }
}
