using Markdig;
using Markdig.Parsers;
using PaperBot.Core.Text;

namespace PaperBot.Slack.Rendering;

/// <summary>
/// Digest markdown to Slack mrkdwn. Only paragraphs and inlines are recognised, so a digest line that
/// happens to start with <c>#</c> or <c>-</c> stays text; <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> are always escaped.
/// </summary>
public static class Mrkdwn
{
    private static readonly MarkdownPipeline InlineOnly = BuildPipeline();

    public static string FromMarkdown(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return "";
        var document = Markdown.Parse(markdown, InlineOnly);
        using var writer = new StringWriter();
        var renderer = new MrkdwnRenderer(writer);
        renderer.Render(document);
        return writer.ToString().Trim();
    }

    /// <summary>Text that is already mrkdwn-shaped (usage, problems): only the control characters are escaped.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
            return NeutraliseBroadcasts(text);
        return NeutraliseBroadcasts(text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;"));
    }

    /// <summary>
    /// "@everyone", "@here" and "@channel" only notify with link parsing on, which PaperBot never asks for;
    /// a word joiner after the @ keeps them inert even if that changes.
    /// </summary>
    public static string NeutraliseBroadcasts(string text)
    {
        if (!text.Contains('@'))
            return text;
        foreach (var word in (ReadOnlySpan<string>)["@everyone", "@here", "@channel"])
            text = text.Replace(word, "@\u2060" + word[1..], StringComparison.OrdinalIgnoreCase);
        return text;
    }

    /// <summary>A link Slack will render as a link: only http and https addresses (<see cref="SafeLinks"/>), never a special <c>&lt;!…&gt;</c>.</summary>
    public static string? SafeUrl(string? url)
    {
        if (!SafeLinks.IsHttp(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        return uri.AbsoluteUri.Replace("&", "&amp;").Replace("<", "%3C").Replace(">", "%3E").Replace("|", "%7C");
    }

    /// <summary>A <c>&lt;url|label&gt;</c> link with the label escaped, or just the escaped label when the address is not safe.</summary>
    public static string Link(string? url, string label)
    {
        var safe = SafeUrl(url);
        var text = Escape(label).Replace("|", "¦");
        return safe is null ? text : text.Length == 0 ? $"<{safe}>" : $"<{safe}|{text}>";
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.BlockParsers.RemoveAll(parser => parser is not ParagraphBlockParser);
        return builder.Build();
    }
}
