using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Storage;

namespace PaperBot.Health;

/// <summary>Readiness: the archive's database answers a cheap query, and (SQLite) its file is still the one opened.</summary>
internal sealed class StoreCheck(IArchiveStore store) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var probe = await store.ProbeAsync(timeout.Token);
            return probe.Answers ? HealthCheckResult.Healthy(probe.Detail) : HealthCheckResult.Unhealthy(probe.Detail);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the database did not answer within {Timeout.TotalSeconds:0} s");
        }
    }
}
