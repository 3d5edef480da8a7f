namespace PaperBot.Slack.WebApi;

/// <summary>How often and how long to retry a Web API call that failed for a passing reason. Nothing is retried without end.</summary>
public sealed class RetryPolicy
{
    /// <summary>Tries of one call that failed (5xx, timeouts, network errors, Slack's own transient errors).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Tries of one call that was rate limited: waiting is expected there, so it has a budget of its own.</summary>
    public int MaxRateLimitedAttempts { get; init; } = 10;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The least wait before looking for a post whose try failed in a way that may have posted it: a request Slack got but
    /// had not finished when the answer was lost shows up in the channel a moment later.
    /// </summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest Retry-After honoured; a longer one ends the attempts rather than blocking a run for an hour.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Exponential backoff capped at <see cref="MaxDelay"/>, jittered to between half and all of it.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() * 0.5));
    }

    /// <summary>Up to a tenth more than Slack asked for (at most a quarter second), so callers paused together do not all return at once.</summary>
    public static TimeSpan Jittered(TimeSpan retryAfter) =>
        retryAfter + TimeSpan.FromMilliseconds(Math.Min(retryAfter.TotalMilliseconds / 10, 250) * Random.Shared.NextDouble());

    /// <summary>Error codes of <c>ok:false</c> answers that a later try can fix.</summary>
    public static bool IsTransient(string? error) => IsRateLimit(error) || MayHaveBeenDone(error);

    /// <summary>Slack asks to slow down: nothing was done.</summary>
    public static bool IsRateLimit(string? error) => error is "ratelimited" or "rate_limited";

    /// <summary>Slack failed on its side; its documentation says some of the operation may have succeeded before the error.</summary>
    public static bool MayHaveBeenDone(string? error) =>
        error is "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";
}
