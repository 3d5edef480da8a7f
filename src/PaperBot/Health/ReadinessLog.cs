using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaperBot.Health;

/// <summary>
/// Says in the log when a readiness check turns bad and when it is good again: once per change, however often it is
/// asked. Fed by every <c>/readyz</c> and by the periodic publisher, so a deleted database is logged even if nobody asks.
/// </summary>
internal sealed partial class ReadinessLog(ILogger<ReadinessLog> logger) : IHealthCheckPublisher
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, bool> _ready = new(StringComparer.Ordinal);

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        Observe(report);
        return Task.CompletedTask;
    }

    public void Observe(HealthReport report)
    {
        foreach (var (name, entry) in report.Entries)
        {
            var ready = entry.Status == HealthStatus.Healthy;
            lock (_gate)
            {
                // Unknown counts as ready: a check that starts out bad is logged, one that starts out good is not.
                var was = _ready.GetValueOrDefault(name, true);
                _ready[name] = ready;
                if (was == ready)
                    continue;
            }
            if (ready)
                LogReadyAgain(name, entry.Description ?? "");
            else
                LogNotReady(name, entry.Description ?? entry.Exception?.Message ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready ({Check}): {Detail}")]
    private partial void LogNotReady(string check, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready again ({Check}): {Detail}")]
    private partial void LogReadyAgain(string check, string detail);
}
