using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PaperBot.Web.Preview;

/// <summary>
/// A Discord create-message body as the client shows it: the content, each embed (colour bar, author, title link,
/// description, fields with the inline ones side by side, image, thumbnail, footer) and the action rows of buttons;
/// and a start-thread body as the thread's name.
/// </summary>
internal static class DiscordPreview
{
    /// <summary>Discord's bar when an embed names no colour.</summary>
    private const string DefaultBar = "#1e1f22";

    public static void Message(StringBuilder html, JsonElement body)
    {
        if (body.String("content") is { Length: > 0 } content)
            html.Append("<div class=\"content md\">").Append(DiscordMarkdown.ToHtml(content)).Append("</div>");
        foreach (var embed in body.Array("embeds"))
            Embed(html, embed);
        var rows = body.Array("components").Where(c => c.Number("type") == 1).ToList();
        if (rows.Count > 0)
        {
            html.Append("<div class=\"components\">");
            foreach (var row in rows)
            {
                html.Append("<div class=\"action-row\">");
                foreach (var component in row.Array("components"))
                    Component(html, component);
                html.Append("</div>");
            }
            html.Append("</div>");
        }
    }

    /// <summary>A thread started from the card: its name, and when it archives.</summary>
    public static void ThreadStart(StringBuilder html, JsonElement body)
    {
        html.Append("<div class=\"thread-start\"><span class=\"thread-icon\" aria-hidden=\"true\">🧵</span> <span class=\"thread-name\">")
            .AppendEncoded(body.String("name") ?? "(unnamed thread)").Append("</span>");
        if (body.Number("auto_archive_duration") is { } minutes)
            html.Append(" <small>archives after ").Append(Duration(minutes)).Append(" without messages</small>");
        html.Append("</div>");
    }

    private static void Embed(StringBuilder html, JsonElement embed)
    {
        // The bar is an SVG fill, not a style attribute, so the page needs no inline style.
        var colour = embed.Number("color") is { } rgb and >= 0 and <= 0xFFFFFF ? "#" + rgb.ToString("x6", CultureInfo.InvariantCulture) : DefaultBar;
        html.Append("<div class=\"embed\"><svg class=\"embed-bar\" viewBox=\"0 0 1 1\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"1\" height=\"1\" fill=\"")
            .Append(colour).Append("\"/></svg><div class=\"embed-main\">");
        if (embed.Object("author") is { } author && author.String("name") is { Length: > 0 } authorName)
        {
            html.Append("<div class=\"embed-author\">");
            AppendMaybeLink(html, author.String("url"), PreviewHtml.Encode(authorName));
            html.Append("</div>");
        }
        if (embed.String("title") is { Length: > 0 } title)
        {
            var titleHtml = DiscordMarkdown.InlineToHtml(title);
            html.Append("<div class=\"embed-title\">");
            AppendMaybeLink(html, embed.String("url"), titleHtml);
            html.Append("</div>");
        }
        if (embed.String("description") is { Length: > 0 } description)
            html.Append("<div class=\"embed-description md\">").Append(DiscordMarkdown.ToHtml(description)).Append("</div>");
        var fields = embed.Array("fields").ToList();
        if (fields.Count > 0)
        {
            html.Append("<div class=\"embed-fields\">");
            foreach (var field in fields)
            {
                html.Append(field.Flag("inline") ? "<div class=\"embed-field inline\">" : "<div class=\"embed-field\">")
                    .Append("<div class=\"embed-field-name\">").Append(DiscordMarkdown.InlineToHtml(field.String("name"))).Append("</div>")
                    .Append("<div class=\"embed-field-value md\">").Append(DiscordMarkdown.ToHtml(field.String("value"))).Append("</div></div>");
            }
            html.Append("</div>");
        }
        if (PreviewHtml.SafeHttpUrl(embed.Object("image")?.String("url")) is { } image)
            html.Append("<img class=\"embed-image\" src=\"").AppendEncoded(image).Append("\" alt=\"\" loading=\"lazy\">");
        var footer = embed.Object("footer")?.String("text");
        var timestamp = DateTimeOffset.TryParse(embed.String("timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : null;
        if (footer is { Length: > 0 } || timestamp is not null)
        {
            html.Append("<div class=\"embed-footer\">").AppendEncoded(footer);
            if (footer is { Length: > 0 } && timestamp is not null)
                html.Append(" • ");
            html.AppendEncoded(timestamp).Append("</div>");
        }
        html.Append("</div>");
        if (PreviewHtml.SafeHttpUrl(embed.Object("thumbnail")?.String("url")) is { } thumbnail)
            html.Append("<img class=\"embed-thumbnail\" src=\"").AppendEncoded(thumbnail).Append("\" alt=\"\" loading=\"lazy\">");
        html.Append("</div>");
    }

    private static void Component(StringBuilder html, JsonElement component)
    {
        if (component.Number("type") != 2)
        {
            html.Append("<span class=\"button select\">").AppendEncoded(component.String("placeholder") ?? "Select…").Append("</span>");
            return;
        }
        var label = PreviewHtml.Encode(ButtonLabel(component));
        if (component.Number("style") == 5)
        {
            if (PreviewHtml.SafeHttpUrl(component.String("url")) is { } url)
                html.AppendLink(url, label + " <span aria-hidden=\"true\">↗</span>", "button link");
            else
                html.Append("<span class=\"button link broken\">").Append(label).Append("</span>");
            return;
        }
        var style = component.Number("style") switch
        {
            1 => "primary",
            3 => "success",
            4 => "danger",
            _ => "secondary",
        };
        html.Append("<span class=\"button ").Append(style).Append(component.Flag("disabled") ? " disabled" : "").Append("\">").Append(label).Append("</span>");
    }

    private static string ButtonLabel(JsonElement button)
    {
        var emoji = button.Object("emoji")?.String("name");
        var label = button.String("label");
        return (emoji, label) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => emoji + " " + label,
            ({ Length: > 0 }, _) => emoji,
            _ => label ?? "",
        };
    }

    private static void AppendMaybeLink(StringBuilder html, string? url, string innerHtml)
    {
        if (PreviewHtml.SafeHttpUrl(url) is { } safe)
            html.AppendLink(safe, innerHtml);
        else
            html.Append(innerHtml);
    }

    private static string Duration(long minutes) => minutes switch
    {
        >= 1440 when minutes % 1440 == 0 => minutes / 1440 == 1 ? "1 day" : $"{minutes / 1440} days",
        >= 60 when minutes % 60 == 0 => minutes / 60 == 1 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes} minutes",
    };
}
