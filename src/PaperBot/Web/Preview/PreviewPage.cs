using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Delivery;

namespace PaperBot.Web.Preview;

/// <summary>One platform's requests for an edition, for the channel they were described for.</summary>
internal sealed record PlatformRendering(string Platform, string Channel, bool PlaceholderChannel, IReadOnlyList<DescribedRequest> Requests);

/// <summary>A channel's line in the deliveries table: subscribed now, or delivered to before it unsubscribed.</summary>
internal sealed record ChannelStatus(ChannelRef Channel, bool Subscribed, EditionDelivery? Delivery);

/// <summary>
/// <c>/editions/{date}/preview</c>: the edition as each configured platform shows it, drawn from the request bodies the
/// delivery sends, and where it has been delivered. Server-rendered, no script, styled by <c>/preview.css</c> alone.
/// </summary>
internal static class PreviewPage
{
    public const string StylesheetPath = "/preview.css";

    /// <summary>Longer errors are cut here: the page stays small whatever a platform answered.</summary>
    private const int MaxErrorLength = 400;

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(Edition edition, IReadOnlyList<PlatformRendering> platforms, IReadOnlyList<ChannelStatus> channels, DateTimeOffset now)
    {
        var date = EditionDates.ToText(edition.Date);
        var html = new StringBuilder(16 * 1024);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Preview · ").Append(date).Append("</title><link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\"></head><body>");
        html.Append("<header class=\"top\"><p class=\"crumbs\"><a href=\"/editions/").Append(date).Append("\">← the ").Append(date)
            .Append(" edition</a> · <a href=\"/\">all editions</a></p><h1>Preview · ").Append(date).Append(" · ")
            .Append(edition.Papers.Count).Append(edition.Papers.Count == 1 ? " paper" : " papers").Append("</h1>")
            .Append("<p class=\"lead\">What each channel sees, drawn from the request bodies PaperBot sends (the <code>post --dry-run</code> output).</p>");
        if (platforms.Count > 0)
        {
            html.Append("<nav class=\"jump\"><a href=\"#deliveries\">Deliveries</a>");
            foreach (var platform in platforms)
                html.Append(" · <a href=\"#platform-").AppendEncoded(platform.Platform).Append("\">").AppendEncoded(DisplayName(platform.Platform)).Append("</a>");
            html.Append("</nav>");
        }
        html.Append("</header>");

        Deliveries(html, channels, platforms, now);

        if (platforms.Count == 0)
        {
            html.Append("<p class=\"note\">No platform is configured, so there is nothing to preview. Set the Discord settings ")
                .Append("(<code>Discord:BotToken</code>, <code>Discord:Channels</code>…) or the Slack ones (<code>Slack:BotToken</code>, ")
                .Append("<code>Slack:Channels</code>…), as the README explains.</p>");
        }
        else
        {
            html.Append("<div class=\"platforms\">");
            foreach (var platform in platforms)
                Platform(html, platform);
            html.Append("</div>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static void Deliveries(StringBuilder html, IReadOnlyList<ChannelStatus> channels, IReadOnlyList<PlatformRendering> platforms, DateTimeOffset now)
    {
        html.Append("<section id=\"deliveries\" class=\"deliveries\"><h2>Deliveries</h2>");
        if (channels.Count == 0)
        {
            html.Append("<p class=\"note\">No channel is subscribed. Channels subscribe with <code>/papers subscribe</code>, or through ")
                .Append("<code>Discord:Channels</code> and <code>Slack:Channels</code>.</p></section>");
            return;
        }
        html.Append("<div class=\"table-wrap\"><table><thead><tr><th>Platform</th><th>Channel</th><th>State</th><th>Items sent</th>")
            .Append("<th>Delivered at</th><th>Last error</th></tr></thead><tbody>");
        foreach (var channel in channels)
        {
            var delivery = channel.Delivery;
            var total = platforms.FirstOrDefault(p => p.Platform == channel.Channel.Platform)?.Requests.Count;
            var (state, css) = State(delivery, now);
            html.Append("<tr class=\"").Append(css).Append("\" data-channel=\"").AppendEncoded(channel.Channel.Platform).Append(':')
                .AppendEncoded(channel.Channel.Channel).Append("\">");
            Cell(html, "Platform", null, PreviewHtml.Encode(DisplayName(channel.Channel.Platform)));
            Cell(html, "Channel", null, "<code>" + PreviewHtml.Encode(channel.Channel.Channel) + "</code>" + (channel.Subscribed ? "" : " <small>(no longer subscribed)</small>"));
            Cell(html, "State", "state", PreviewHtml.Encode(state));
            Cell(html, "Items sent", null, delivery is null
                ? "—"
                : delivery.ItemsSent.ToString(CultureInfo.InvariantCulture) + (total is { } all ? " of " + all.ToString(CultureInfo.InvariantCulture) : ""));
            Cell(html, "Delivered at", null, delivery is { State: DeliveryState.Delivered, FinishedAt: { } at } ? Time(at) : "—");
            Cell(html, "Last error", "error", PreviewHtml.Encode(Shorten(delivery?.LastError) ?? "—"));
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div></section>");
    }

    /// <summary>A cell with its column's name beside it, which narrow screens show in place of the header row.</summary>
    private static void Cell(StringBuilder html, string label, string? cssClass, string innerHtml)
    {
        html.Append("<td data-label=\"").Append(label).Append('"');
        if (cssClass is not null)
            html.Append(" class=\"").Append(cssClass).Append('"');
        html.Append('>').Append(innerHtml).Append("</td>");
    }

    private static (string Text, string Css) State(EditionDelivery? delivery, DateTimeOffset now)
    {
        if (delivery is null)
            return ("not delivered yet", "state-none");
        var attempts = delivery.Attempts > 1 ? $" ({delivery.Attempts.ToString(CultureInfo.InvariantCulture)} attempts)" : "";
        return delivery.State switch
        {
            DeliveryState.Delivered => ("delivered" + attempts, "state-delivered"),
            DeliveryState.InProgress when delivery.IsLeasedAt(now) => ("being sent now", "state-sending"),
            DeliveryState.InProgress => ("interrupted; the schedule carries it on", "state-sending"),
            _ when delivery.Permanent => ("failed" + attempts + "; not retried", "state-failed"),
            _ when delivery.RetryAt is { } retry => ("failed" + attempts + "; retried at " + Time(retry), "state-failed"),
            _ => ("failed" + attempts, "state-failed"),
        };
    }

    private static void Platform(StringBuilder html, PlatformRendering platform)
    {
        var name = DisplayName(platform.Platform);
        var kind = platform.Platform switch
        {
            "discord" => "discord",
            "slack" => "slack",
            _ => "other",
        };
        html.Append("<section class=\"platform ").Append(kind).Append("\" id=\"platform-").AppendEncoded(platform.Platform)
            .Append("\" data-platform=\"").AppendEncoded(platform.Platform).Append("\"><h2>").AppendEncoded(name).Append("</h2><p class=\"as\">");
        if (platform.PlaceholderChannel)
            html.Append("No ").AppendEncoded(name).Append(" channel is subscribed; shown as any channel would see it.");
        else
            html.Append("As channel <code>").AppendEncoded(platform.Channel).Append("</code> sees it (every channel sees the same).");
        html.Append("</p><div class=\"chat\">");

        foreach (var group in platform.Requests.GroupBy(r => r.Item.Kind == ItemKind.Header ? 0 : r.Item.Rank))
        {
            if (group.Key == 0)
            {
                foreach (var request in group)
                    Item(html, kind, request);
                continue;
            }
            html.Append("<article class=\"paper\" data-rank=\"").Append(group.Key.ToString(CultureInfo.InvariantCulture)).Append("\">");
            var threadOpen = false;
            foreach (var request in group)
            {
                if (request.Item.Kind is ItemKind.Thread or ItemKind.Reply && !threadOpen)
                {
                    html.Append("<div class=\"thread\">");
                    threadOpen = true;
                    if (request.Item.Kind == ItemKind.Reply)
                    {
                        var replies = group.Count(r => r.Item.Kind == ItemKind.Reply);
                        html.Append("<div class=\"thread-start\"><span class=\"thread-icon\" aria-hidden=\"true\">🧵</span> ")
                            .Append(replies.ToString(CultureInfo.InvariantCulture)).Append(replies == 1 ? " reply" : " replies").Append("</div>");
                    }
                }
                Item(html, kind, request);
            }
            if (threadOpen)
                html.Append("</div>");
            html.Append("</article>");
        }
        html.Append("</div></section>");
    }

    private static void Item(StringBuilder html, string kind, DescribedRequest request)
    {
        html.Append("<div class=\"item item-").Append(request.Item.Kind.ToString().ToLowerInvariant()).Append("\" data-item=\"")
            .Append(request.Item.Id).Append("\">");
        JsonDocument? body = null;
        try
        {
            body = JsonDocument.Parse(request.Body);
        }
        catch (JsonException)
        {
            html.Append("<p class=\"note\">This request body is not JSON; it is shown as it is.</p>");
        }
        using (body)
        {
            if (body is not null)
            {
                if (kind == "discord" && request.Item.Kind == ItemKind.Thread)
                    DiscordPreview.ThreadStart(html, body.RootElement);
                else if (kind != "other")
                    Message(html, kind, body.RootElement);
            }
            html.Append("<details class=\"raw\"").Append(body is null || kind == "other" ? " open" : "").Append("><summary>Request body</summary><pre>")
                .AppendEncoded(body is null ? request.Body : Pretty(body.RootElement)).Append("</pre></details>");
        }
        html.Append("</div>");
    }

    private static void Message(StringBuilder html, string kind, JsonElement body)
    {
        html.Append("<div class=\"msg\"><div class=\"avatar\" aria-hidden=\"true\">PB</div><div class=\"msg-body\">")
            .Append("<div class=\"msg-author\">PaperBot <span class=\"app-tag\">APP</span></div>");
        if (kind == "discord")
            DiscordPreview.Message(html, body);
        else
            SlackPreview.Message(html, body);
        html.Append("</div></div>");
    }

    private static string Pretty(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
            element.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string DisplayName(string platform) => platform switch
    {
        "discord" => "Discord",
        "slack" => "Slack",
        _ => platform,
    };

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string? Shorten(string? text) =>
        text is null || text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
}
