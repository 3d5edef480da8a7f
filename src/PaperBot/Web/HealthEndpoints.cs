using PaperBot.Core.Commands;
using PaperBot.Core.Ports;
using PaperBot.Ingest;

namespace PaperBot.Web;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: 200 while the archive answers, with what an operator checks first.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IEditionArchive archive, IngestStatus ingest, CancellationToken cancellationToken) =>
        {
            var latest = await archive.GetLatestAsync(cancellationToken);
            return Results.Json(
                new HealthReport(
                    "ok",
                    latest is null ? null : EditionDates.ToText(latest.Date),
                    ingest.InitialPassDone,
                    ingest.LastPassAt,
                    ingest.Failures.Count,
                    ingest.FolderMissing,
                    ingest.FolderMissingSince),
                HostJsonContext.Readable.HealthReport);
        });
        return endpoints;
    }
}

public sealed record HealthReport(
    string Status, string? LatestEdition, bool InitialIngestDone, DateTimeOffset? LastIngestAt, int BrokenDigests,
    bool DigestFolderMissing, DateTimeOffset? DigestFolderMissingSince);
