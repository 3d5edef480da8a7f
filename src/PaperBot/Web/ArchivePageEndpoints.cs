using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Ingest;

namespace PaperBot.Web;

public static class ArchivePageEndpoints
{
    private const string Html = "text/html; charset=utf-8";
    private const int FailedDeliveryDays = 14;

    /// <summary>A plain server-rendered archive: <c>GET /</c> lists the dates (and searches with <c>?q=</c>), <c>GET /editions/{date}</c> shows one.</summary>
    public static IEndpointRouteBuilder MapArchivePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", async (string? q, IEditionArchive archive, IDeliveryRecord record, IngestStatus ingest, TimeProvider time,
            CancellationToken cancellationToken) =>
        {
            var dates = await archive.ListDatesAsync(cancellationToken);
            var failed = await FailedDeliveriesAsync(record, time, cancellationToken);
            if (string.IsNullOrWhiteSpace(q))
                return Results.Content(ArchivePage.Index(dates, null, null, null, ingest.Failures, failed), Html);
            // Every search text is either searched or explained, with the same bounds as the platforms.
            if (!SearchQuery.Parse(q).TryGetValue(out var query, out var problem))
                return Results.Content(ArchivePage.Index(dates, SearchQuery.Clean(q), null, problem.Message, ingest.Failures, failed), Html);
            var hits = await archive.SearchAsync(query.Text, 25, cancellationToken);
            return Results.Content(ArchivePage.Index(dates, query.Text, hits, null, ingest.Failures, failed), Html);
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

    /// <summary>The last two weeks' deliveries that ended with an error, newest first: what an operator looks at first.</summary>
    private static async Task<IReadOnlyList<EditionDelivery>> FailedDeliveriesAsync(IDeliveryRecord record, TimeProvider time, CancellationToken cancellationToken)
    {
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-FailedDeliveryDays);
        return (await record.GetDeliveriesSinceAsync(since, cancellationToken))
            .Where(d => d.LastError is not null)
            .OrderByDescending(d => d.Key.Date).ThenBy(d => d.Key.Platform, StringComparer.Ordinal).ThenBy(d => d.Key.Channel, StringComparer.Ordinal)
            .Take(50)
            .ToList();
    }
}
