using PaperBot.Core.Commands;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Ingest;

namespace PaperBot.Web;

public static class ArchivePageEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    /// <summary>A plain server-rendered archive: <c>GET /</c> lists the dates (and searches with <c>?q=</c>), <c>GET /editions/{date}</c> shows one.</summary>
    public static IEndpointRouteBuilder MapArchivePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", async (string? q, IEditionArchive archive, IngestStatus ingest, CancellationToken cancellationToken) =>
        {
            var dates = await archive.ListDatesAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(q))
                return Results.Content(ArchivePage.Index(dates, null, null, null, ingest.Failures), Html);
            // Every search text is either searched or explained, with the same bounds as the platforms.
            if (!SearchQuery.Parse(q).TryGetValue(out var query, out var problem))
                return Results.Content(ArchivePage.Index(dates, SearchQuery.Clean(q), null, problem.Message, ingest.Failures), Html);
            var hits = await archive.SearchAsync(query.Text, 25, cancellationToken);
            return Results.Content(ArchivePage.Index(dates, query.Text, hits, null, ingest.Failures), Html);
        });
        endpoints.MapGet(ArchivePage.StylesheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(ArchivePage.Stylesheet, "text/css; charset=utf-8");
        });
        endpoints.MapGet("/editions/{date}", async (string date, IEditionArchive archive, CancellationToken cancellationToken) =>
        {
            if (!EditionDates.TryParse(date, out var day))
                return Results.Content(ArchivePage.NotFound($"\"{date}\" is not a date; editions are at /editions/YYYY-MM-DD."), Html, statusCode: 404);
            var edition = await archive.GetEditionAsync(day, cancellationToken);
            return edition is null
                ? Results.Content(ArchivePage.NotFound($"There is no edition for {EditionDates.ToText(day)}."), Html, statusCode: 404)
                : Results.Content(ArchivePage.Edition(edition), Html);
        });
        return endpoints;
    }
}
