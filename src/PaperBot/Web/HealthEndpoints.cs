using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PaperBot.Core.Commands;
using PaperBot.Core.Ports;
using PaperBot.Discord.Options;
using PaperBot.Health;
using PaperBot.Ingest;
using PaperBot.Slack.Options;
using ChecksReport = Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport;

namespace PaperBot.Web;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>GET /healthz</c>: liveness, 200 with what an operator checks first. <c>GET /readyz</c>: readiness, 200 when the
    /// store answers, the digest folder is readable and the first ingest has finished, else 503; the same body either way.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Live),
            ResponseWriter = WriteHealthAsync,
        });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteReadinessAsync,
        });
        return endpoints;
    }

    private static async Task WriteHealthAsync(HttpContext context, ChecksReport report)
    {
        var services = context.RequestServices;
        var ingest = services.GetRequiredService<IngestStatus>();
        var latest = await LatestEditionAsync(services.GetRequiredService<IEditionArchive>(), context.RequestAborted);
        var health = new HealthReport(
            report.Status == HealthStatus.Healthy ? "ok" : "unhealthy",
            latest,
            ingest.InitialPassDone,
            ingest.LastPassAt,
            ingest.Failures.Count,
            ingest.FolderMissing,
            ingest.FolderMissingSince);
        await WriteJsonAsync(context, health, HostJsonContext.Readable.HealthReport);
    }

    private static async Task WriteReadinessAsync(HttpContext context, ChecksReport report)
    {
        var services = context.RequestServices;
        services.GetRequiredService<ReadinessLog>().Observe(report);
        var readiness = new ReadinessReport(
            report.Status == HealthStatus.Healthy ? "ready" : "not ready",
            Check(report, HealthTags.Store),
            Check(report, HealthTags.DigestFolder),
            Check(report, HealthTags.InitialIngest),
            report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).Order(StringComparer.Ordinal).ToList(),
            await LatestEditionAsync(services.GetRequiredService<IEditionArchive>(), context.RequestAborted),
            new ConfiguredPlatforms(
                services.GetRequiredService<IOptions<DiscordOptions>>().Value.IsConfigured,
                services.GetRequiredService<IOptions<SlackOptions>>().Value.IsConfigured));
        await WriteJsonAsync(context, readiness, HostJsonContext.Readable.ReadinessReport);
    }

    private static ReadinessCheck Check(ChecksReport report, string name) =>
        report.Entries.TryGetValue(name, out var entry)
            ? new ReadinessCheck(entry.Status == HealthStatus.Healthy, entry.Description ?? entry.Exception?.Message ?? "")
            : new ReadinessCheck(false, "not checked");

    /// <summary>The latest edition's date, or null when there is none or the archive cannot say (readiness tells why).</summary>
    private static async Task<string?> LatestEditionAsync(IEditionArchive archive, CancellationToken cancellationToken)
    {
        try
        {
            var latest = await archive.GetLatestAsync(cancellationToken);
            return latest is null ? null : EditionDates.ToText(latest.Date);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static Task WriteJsonAsync<T>(HttpContext context, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted);
    }
}

public sealed record HealthReport(
    string Status, string? LatestEdition, bool InitialIngestDone, DateTimeOffset? LastIngestAt, int BrokenDigests,
    bool DigestFolderMissing, DateTimeOffset? DigestFolderMissingSince);

/// <summary>The body of <c>/readyz</c>: each readiness check, the names of those that fail, the latest edition and the platforms set up.</summary>
public sealed record ReadinessReport(
    string Status,
    ReadinessCheck Store,
    ReadinessCheck DigestFolder,
    ReadinessCheck InitialIngest,
    IReadOnlyList<string> NotReady,
    string? LatestEdition,
    ConfiguredPlatforms Platforms);

public sealed record ReadinessCheck(bool Ready, string Detail);

public sealed record ConfiguredPlatforms(bool Discord, bool Slack);
