namespace PaperBot.Core.Delivery;

/// <summary>The <c>Delivery</c> settings: how deliveries are leased, retried and fanned out. Defaults suit a real deployment.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How long a sender's claim on a channel's delivery lasts without renewal; a crashed sender's work is taken over after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delivery attempts per edition and channel before PaperBot gives up on it (the next edition is tried afresh).</summary>
    public int MaxAttemptsPerEdition { get; set; } = 5;

    /// <summary>The wait before the second attempt; it doubles for each further one, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Channels delivered at once. The platforms' own rate limits pace the requests; this only bounds the work in flight.</summary>
    public int MaxConcurrentChannels { get; set; } = 1000;

    /// <summary>The retry time for a delivery that has failed <paramref name="attempts"/> times.</summary>
    public TimeSpan RetryDelayAfter(int attempts, double jitter)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 16);
        var delay = Math.Min(RetryDelay.TotalMilliseconds * Math.Pow(2, doublings), MaxRetryDelay.TotalMilliseconds);
        // Up to a fifth either way, so channels that failed together do not all come back in the same second.
        return TimeSpan.FromMilliseconds(delay * (0.8 + 0.4 * Math.Clamp(jitter, 0, 1)));
    }
}
