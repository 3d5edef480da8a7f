using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Ingest;

namespace PaperBot.Health;

/// <summary>Readiness: the first pass over the digest folder has finished, so the archive holds what the folder does.</summary>
internal sealed class InitialIngestCheck(IngestStatus ingest) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ingest.InitialPassDone
            ? HealthCheckResult.Healthy($"the first ingest finished; last pass at {ingest.LastPassAt:u}")
            : HealthCheckResult.Unhealthy("the first ingest of the digest folder has not finished (or it failed: see the log)"));
}
