using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PaperBot.Configuration;

namespace PaperBot.Health;

/// <summary>Readiness: the digest folder exists and can be listed. Named by the setting, as the operator wrote it.</summary>
internal sealed class DigestFolderCheck(IOptions<DigestsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var setting = options.Value;
        var folder = setting.FullPath;
        var named = $"the digest folder (Digests:Path {setting.Path})";
        if (!Directory.Exists(folder))
            return Task.FromResult(HealthCheckResult.Unhealthy($"{named} does not exist"));
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"{named} cannot be read: {e.Message}"));
        }
        return Task.FromResult(HealthCheckResult.Healthy($"{named} is readable"));
    }
}
