using Microsoft.Extensions.Logging;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Core.Delivery;

/// <summary>One edition for one channel, as the schedule or <c>post</c> asks for it.</summary>
public sealed record DeliveryJob(ChannelRef Channel, Edition Edition);

/// <summary>
/// Delivers many channels at once, each paced only by its platform's own rate limits, at most
/// <see cref="DeliveryOptions.MaxConcurrentChannels"/> in flight. A channel that fails, or throws, never holds back another.
/// </summary>
public sealed partial class DeliveryFanOut
{
    private readonly DeliveryPlanner _planner;
    private readonly RenderedEditions _renderings;
    private readonly IReadOnlyDictionary<string, IDeliveryPlatform> _platforms;
    private readonly SemaphoreSlim _slots;
    private readonly ILogger<DeliveryFanOut> _logger;

    public DeliveryFanOut(DeliveryPlanner planner, RenderedEditions renderings, IEnumerable<IDeliveryPlatform> platforms, DeliveryOptions options,
        ILogger<DeliveryFanOut> logger)
    {
        _planner = planner;
        _renderings = renderings;
        _platforms = platforms.ToDictionary(p => p.Platform, StringComparer.Ordinal);
        _slots = new SemaphoreSlim(options.MaxConcurrentChannels, options.MaxConcurrentChannels);
        _logger = logger;
    }

    public IReadOnlyCollection<IDeliveryPlatform> Platforms => (IReadOnlyCollection<IDeliveryPlatform>)_platforms.Values;

    public IDeliveryPlatform? Platform(string name) => _platforms.GetValueOrDefault(name);

    public RenderedEdition Render(IDeliveryPlatform platform, Edition edition) => _renderings.For(platform, edition);

    /// <summary>Delivers every job, concurrently; the outcomes come back in the jobs' order.</summary>
    public async Task<IReadOnlyList<ChannelOutcome>> DeliverAsync(IReadOnlyList<DeliveryJob> jobs, CancellationToken cancellationToken)
    {
        var outcomes = new Task<ChannelOutcome>[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
            outcomes[i] = DeliverOneAsync(jobs[i], cancellationToken);
        return await Task.WhenAll(outcomes);
    }

    public async Task<ChannelOutcome> DeliverOneAsync(DeliveryJob job, CancellationToken cancellationToken)
    {
        var key = new DeliveryKey(job.Channel.Platform, job.Channel.Channel, job.Edition.Date);
        if (!_platforms.TryGetValue(job.Channel.Platform, out var platform))
            return new ChannelOutcome.Failed(key, new PlatformRejected(job.Channel.Platform, "the platform is not configured"), 0, null);

        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await _planner.DeliverAsync(platform, _renderings.For(platform, job.Edition), job.Channel.Channel, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A fault nobody foresaw (the database, a bug) in one channel: the others go on, and the record's lease
            // lets this one be carried on once it runs out.
            LogUnexpected(e, key);
            return new ChannelOutcome.Failed(key, new PlatformUnavailable(job.Channel.Platform, $"unexpected {e.GetType().Name}: {e.Message}"), 0, null);
        }
        finally
        {
            _slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering {Delivery} failed unexpectedly")]
    private partial void LogUnexpected(Exception exception, DeliveryKey delivery);
}
