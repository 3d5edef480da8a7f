using System.Text;
using System.Text.Json;

namespace PaperBot.Web.Preview;

/// <summary>
/// A Slack chat.postMessage body as the client shows it: its Block Kit blocks (header, section with fields and an image
/// or button accessory, context, actions, divider, image), or its <c>text</c> when it has no blocks.
/// </summary>
internal static class SlackPreview
{
    public static void Message(StringBuilder html, JsonElement body)
    {
        var blocks = body.Array("blocks").ToList();
        if (blocks.Count == 0)
        {
            html.Append("<div class=\"sl-text md\">").Append(SlackMrkdwn.ToHtml(body.String("text"))).Append("</div>");
            return;
        }
        foreach (var block in blocks)
            Block(html, block);
    }

    private static void Block(StringBuilder html, JsonElement block)
    {
        switch (block.String("type"))
        {
            case "header":
                html.Append("<div class=\"sl-header\">").AppendEncoded(block.Object("text")?.String("text")).Append("</div>");
                break;
            case "section":
                Section(html, block);
                break;
            case "context":
                html.Append("<div class=\"sl-context\">");
                foreach (var element in block.Array("elements"))
                {
                    if (element.String("type") == "image")
                        Image(html, element, "sl-context-image");
                    else
                        html.Append("<span class=\"sl-context-text md\">").Append(Text(element)).Append("</span>");
                }
                html.Append("</div>");
                break;
            case "actions":
                html.Append("<div class=\"sl-actions\">");
                foreach (var element in block.Array("elements"))
                    Element(html, element);
                html.Append("</div>");
                break;
            case "divider":
                html.Append("<hr class=\"sl-divider\">");
                break;
            case "image":
                html.Append("<figure class=\"sl-image\">");
                if (block.Object("title") is { } title)
                    html.Append("<figcaption>").Append(Text(title)).Append("</figcaption>");
                Image(html, block, "sl-image-img");
                html.Append("</figure>");
                break;
            default:
                html.Append("<div class=\"sl-unknown\">(a ").AppendEncoded(block.String("type") ?? "typeless").Append(" block)</div>");
                break;
        }
    }

    private static void Section(StringBuilder html, JsonElement block)
    {
        html.Append("<div class=\"sl-section\"><div class=\"sl-section-main\">");
        if (block.Object("text") is { } text)
            html.Append("<div class=\"sl-section-text md\">").Append(Text(text)).Append("</div>");
        var fields = block.Array("fields").ToList();
        if (fields.Count > 0)
        {
            html.Append("<div class=\"sl-fields\">");
            foreach (var field in fields)
                html.Append("<div class=\"sl-field md\">").Append(Text(field)).Append("</div>");
            html.Append("</div>");
        }
        html.Append("</div>");
        if (block.Object("accessory") is { } accessory)
        {
            if (accessory.String("type") == "image")
                Image(html, accessory, "sl-accessory");
            else
                Element(html, accessory);
        }
        html.Append("</div>");
    }

    /// <summary>An interactive element: a button (a link when it has a url) or, for anything else, its placeholder.</summary>
    private static void Element(StringBuilder html, JsonElement element)
    {
        if (element.String("type") != "button")
        {
            html.Append("<span class=\"button select\">")
                .AppendEncoded(element.Object("placeholder")?.String("text") ?? element.String("type") ?? "element").Append("</span>");
            return;
        }
        var label = element.Object("text") is { } text ? Text(text) : "";
        var style = element.String("style") switch
        {
            "primary" => "button primary",
            "danger" => "button danger",
            _ => "button secondary",
        };
        if (PreviewHtml.SafeHttpUrl(element.String("url")) is { } url)
            html.AppendLink(url, label + " <span aria-hidden=\"true\">↗</span>", style + " link");
        else
            html.Append("<span class=\"").Append(style).Append("\">").Append(label).Append("</span>");
    }

    private static void Image(StringBuilder html, JsonElement image, string cssClass)
    {
        if (PreviewHtml.SafeHttpUrl(image.String("image_url")) is not { } url)
        {
            html.Append("<span class=\"").Append(cssClass).Append(" missing\" role=\"img\" aria-label=\"")
                .AppendEncoded(image.String("alt_text")).Append("\"></span>");
            return;
        }
        html.Append("<img class=\"").Append(cssClass).Append("\" src=\"").AppendEncoded(url).Append("\" alt=\"")
            .AppendEncoded(image.String("alt_text")).Append("\" loading=\"lazy\">");
    }

    /// <summary>A text object: mrkdwn formatted, plain_text only encoded.</summary>
    private static string Text(JsonElement text) =>
        text.String("type") == "mrkdwn" ? SlackMrkdwn.ToHtml(text.String("text")) : PreviewHtml.Encode(text.String("text"));
}
