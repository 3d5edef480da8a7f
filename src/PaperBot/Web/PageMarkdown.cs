using System.Text.Encodings.Web;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperBot.Core.Text;

namespace PaperBot.Web;

/// <summary>
/// Digest markdown as page HTML: raw HTML disabled, and every link and image kept only when it is absolute http(s)
/// (<see cref="SafeLinks"/>), in canonical form; any other becomes its text. A <c>javascript:</c> link in a digest
/// would otherwise be a live <c>href</c> on the archive page.
/// </summary>
internal static class PageMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Nested beyond Markdig's limit (the parser refuses such digests, but an older archive may hold one).
            return "<p>" + HtmlEncoder.Default.Encode(markdown) + "</p>";
        }
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = SafeLinks.HttpUrl(link.GetDynamicUrl?.Invoke() ?? link.Url);
            link.GetDynamicUrl = null;
            if (url is null)
                Unwrap(link);
            else
                link.Url = url;
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? null : SafeLinks.HttpUrl(autolink.Url);
            if (url is null)
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            else
                autolink.Url = url;
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>The link's text (an image's alt text) takes the link's place.</summary>
    private static void Unwrap(LinkInline link)
    {
        for (var child = link.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}
