namespace PaperBot.Slack.WebApi;

/// <summary>How often and how long to retry a Web API call that failed for a passing reason.</summary>
public sealed class RetryPolicy
{
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest Retry-After honoured; a longer one ends the attempts rather than blocking a run for an hour.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Exponential backoff capped at <see cref="MaxDelay"/>, jittered to between half and all of it.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() * 0.5));
    }

    /// <summary>Error codes of <c>ok:false</c> answers that a later try can fix.</summary>
    public static bool IsTransient(string? error) =>
        error is "ratelimited" or "rate_limited" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";
}
