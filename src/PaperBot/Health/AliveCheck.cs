using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaperBot.Health;

/// <summary>Liveness: answering at all is the proof. What an operator checks first is in /healthz's body.</summary>
internal sealed class AliveCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy("alive"));
}
