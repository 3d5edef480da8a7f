using System.Diagnostics.Metrics;

namespace PaperBot.Core.Observability;

/// <summary>
/// What PaperBot counts, on the meter <see cref="MeterName"/>; the host exports it at <c>/metrics</c> in the Prometheus
/// format, where each name below gets its unit and <c>_total</c> suffix (<c>paperbot.items.posted</c> is
/// <c>paperbot_items_posted_total</c>). Labels are bounded: a platform name and a command name, never user text.
/// </summary>
public sealed class PaperBotMetrics
{
    public const string MeterName = "PaperBot";

    /// <summary>From half a millisecond (an answer from the cache) to Discord's and Slack's 3-second deadline and past it.</summary>
    public static readonly IReadOnlyList<double> InteractionDurationBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Counter<long> _editionsIngested;
    private readonly Counter<long> _digestFailures;
    private readonly Counter<long> _itemsPosted;
    private readonly Counter<long> _deliveryFailures;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _interactions;
    private readonly Histogram<double> _interactionDuration;

    public PaperBotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _editionsIngested = meter.CreateCounter<long>("paperbot.editions.ingested", description: "Editions stored from digest files (new or changed).");
        _digestFailures = meter.CreateCounter<long>("paperbot.digest.failures", description: "Digest files that could not be ingested.");
        _itemsPosted = meter.CreateCounter<long>("paperbot.items.posted", description: "Messages of editions posted to a channel.");
        _deliveryFailures = meter.CreateCounter<long>("paperbot.delivery.failures", description: "Edition deliveries to a channel that failed.");
        _rateLimited = meter.CreateCounter<long>("paperbot.rate_limited", description: "Calls to a platform's API answered with a rate limit.");
        _interactions = meter.CreateCounter<long>("paperbot.interactions", description: "Requests from a platform answered (commands, buttons, events).");
        _interactionDuration = meter.CreateHistogram(
            "paperbot.interaction.duration",
            unit: "s",
            description: "Time from a platform's request to PaperBot's answer.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = InteractionDurationBuckets });
    }

    public void EditionIngested() => _editionsIngested.Add(1);

    public void DigestFailed() => _digestFailures.Add(1);

    public void ItemPosted(string platform) => _itemsPosted.Add(1, Platform(platform));

    public void DeliveryFailed(string platform) => _deliveryFailures.Add(1, Platform(platform));

    public void RateLimited(string platform) => _rateLimited.Add(1, Platform(platform));

    /// <param name="command">The subcommand (<c>points</c>, <c>today</c>…) or the kind of request (<c>button</c>, <c>autocomplete</c>, <c>ping</c>, <c>event</c>, <c>invalid</c>).</param>
    public void InteractionAnswered(string platform, string command, TimeSpan duration)
    {
        _interactions.Add(1, Platform(platform), new KeyValuePair<string, object?>("command", command));
        _interactionDuration.Record(duration.TotalSeconds, Platform(platform));
    }

    private static KeyValuePair<string, object?> Platform(string platform) => new("platform", platform);
}
