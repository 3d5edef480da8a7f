using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Core.Subscriptions;
using PaperBot.Delivery;

namespace PaperBot.Web.Preview;

public static class PreviewPageEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    /// <summary>A platform with no subscribed channel is shown for this one: bodies differ between channels only in ids.</summary>
    internal const string PlaceholderChannel = "preview";

    /// <summary><c>GET /editions/{date}/preview</c>, the edition as each platform shows it and where it was delivered, and its stylesheet.</summary>
    public static IEndpointRouteBuilder MapPreviewPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/editions/{date}/preview", async (string date, IEditionArchive archive, DeliveryFanOut fanOut, SubscriptionDirectory subscriptions,
            IDeliveryRecord record, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!EditionDates.TryParse(date, out var day))
                return Results.Content(ArchivePage.NotFound($"\"{date}\" is not a date; previews are at /editions/YYYY-MM-DD/preview."), Html, statusCode: 404);
            var edition = await archive.GetEditionAsync(day, cancellationToken);
            if (edition is null)
                return Results.Content(ArchivePage.NotFound($"There is no edition for {EditionDates.ToText(day)}."), Html, statusCode: 404);

            var subscribed = await subscriptions.ListAsync(cancellationToken);
            var deliveries = await record.GetEditionDeliveriesAsync(day, cancellationToken);
            var platforms = fanOut.Platforms.OrderBy(p => p.Platform, StringComparer.Ordinal).Select(platform =>
            {
                var channel = subscribed.FirstOrDefault(s => s.Channel.Platform == platform.Platform)?.Channel.Channel;
                return new PlatformRendering(platform.Platform, channel ?? PlaceholderChannel, channel is null,
                    EditionRequests.For(fanOut, platform, channel ?? PlaceholderChannel, edition));
            }).ToList();
            var channels = subscribed
                .Select(s => new ChannelStatus(s.Channel, true, deliveries.FirstOrDefault(d => d.Key.ChannelRef == s.Channel)))
                .Concat(deliveries
                    .Where(d => !subscribed.Any(s => s.Channel == d.Key.ChannelRef))
                    .OrderBy(d => d.Key.Platform, StringComparer.Ordinal).ThenBy(d => d.Key.Channel, StringComparer.Ordinal)
                    .Select(d => new ChannelStatus(d.Key.ChannelRef, false, d)))
                .ToList();
            return Results.Content(PreviewPage.Render(edition, platforms, channels, time.GetUtcNow()), Html);
        });
        endpoints.MapGet(PreviewPage.StylesheetPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(PreviewStyles.Css, "text/css; charset=utf-8");
        });
        return endpoints;
    }
}
