namespace PaperBot.Discord.Rest;

/// <summary>How long the client waits, how often it retries and how many requests it keeps in flight. Tests shorten these.</summary>
internal sealed class DiscordRestTimings
{
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts for 5xx answers and timeouts, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How many 429s one request honours before giving up.</summary>
    public int MaxRateLimitWaits { get; init; } = 5;

    /// <summary>A retry_after (or a bucket known to stay spent) longer than this is not waited out; the request fails as unavailable.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Connections to Discord, and requests in flight at once: a thousand channels delivered together share them.
    /// The global limit (50 per second) keeps far fewer busy unless Discord is slow to answer.
    /// </summary>
    public int MaxConcurrentRequests { get; init; } = 32;

    /// <summary>
    /// The global limit is kept over a window this much longer than a second. A request already counts until a window after
    /// its answer (it cannot have arrived later), so this only covers the two clocks' granularity.
    /// </summary>
    public TimeSpan GlobalSafetyMargin { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Capped exponential backoff with jitter: somewhere in the upper half of min(cap, base·2^attempt).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(BackoffCap.TotalMilliseconds, BackoffBase.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + Random.Shared.NextDouble() * 0.5));
    }
}
