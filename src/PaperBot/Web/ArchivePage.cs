using System.Text;
using System.Text.Encodings.Web;
using Markdig;
using PaperBot.Core.Commands;
using PaperBot.Core.Domain;

namespace PaperBot.Web;

/// <summary>Renders the archive pages. Digest text is markdown rendered with raw HTML disabled; everything else is encoded.</summary>
internal static class ArchivePage
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Index(IReadOnlyList<DateOnly> dates, string? query, IReadOnlyList<SearchHit>? hits, IReadOnlyDictionary<string, string> failures)
    {
        var html = Begin("PaperBot archive");
        html.Append("<h1>PaperBot archive</h1>");
        html.Append("<form method=\"get\" action=\"/\"><input name=\"q\" type=\"search\" placeholder=\"Search titles, summaries, abstracts, key points\" value=\"")
            .Append(Encoder.Encode(query ?? "")).Append("\"> <button>Search</button></form>");
        if (hits is not null)
        {
            html.Append("<h2>Search: ").Append(Encoder.Encode(query!)).Append("</h2>");
            if (hits.Count == 0)
                html.Append("<p>Nothing matches. Try fewer or other words.</p>");
            html.Append("<ol>");
            foreach (var hit in hits)
            {
                var date = EditionDates.ToText(hit.Date);
                html.Append("<li><a href=\"/editions/").Append(date).Append("#paper-").Append(hit.Paper.Rank).Append("\">")
                    .Append(Inline(hit.Paper.Title)).Append("</a> <small>").Append(date).Append(" · #").Append(hit.Paper.Rank).Append("</small></li>");
            }
            html.Append("</ol>");
        }
        html.Append("<h2>Editions</h2>");
        if (dates.Count == 0)
            html.Append("<p>No editions yet. Digests written to the digest folder appear here within seconds.</p>");
        html.Append("<ul>");
        foreach (var date in dates)
        {
            var text = EditionDates.ToText(date);
            html.Append("<li><a href=\"/editions/").Append(text).Append("\">").Append(text).Append("</a></li>");
        }
        html.Append("</ul>");
        if (failures.Count > 0)
        {
            html.Append("<h2>Digests that could not be read</h2><ul>");
            foreach (var (file, reason) in failures.OrderBy(f => f.Key, StringComparer.Ordinal))
                html.Append("<li><code>").Append(Encoder.Encode(file)).Append("</code>: ").Append(Encoder.Encode(reason)).Append("</li>");
            html.Append("</ul>");
        }
        return End(html);
    }

    public static string Edition(Edition edition)
    {
        var date = EditionDates.ToText(edition.Date);
        var html = Begin($"PaperBot · {date}");
        html.Append("<p><a href=\"/\">← all editions</a></p>");
        html.Append("<h1>").Append(date).Append(" · ").Append(edition.Papers.Count).Append(" papers</h1>");
        foreach (var paper in edition.Papers)
        {
            html.Append("<article id=\"paper-").Append(paper.Rank).Append("\"><h2>").Append(paper.Rank).Append(". <a href=\"")
                .Append(Encoder.Encode(paper.Url)).Append("\">").Append(Inline(paper.Title)).Append("</a></h2><p><small>");
            if (paper.Upvotes is { } upvotes)
                html.Append("▲ ").Append(upvotes).Append(" · ");
            if (paper.ArxivAbsUrl is { } arxiv)
                html.Append("<a href=\"").Append(Encoder.Encode(arxiv)).Append("\">arXiv ").Append(Encoder.Encode(paper.ArxivId!)).Append("</a>");
            html.Append("</small></p>");
            Section(html, "Summary", paper.Summary);
            Section(html, "Abstract", paper.Abstract);
            if (paper.KeyPoints.Count > 0)
            {
                html.Append("<h3>Key points</h3><ul>");
                foreach (var point in paper.KeyPoints)
                    html.Append("<li>").Append(Inline(point)).Append("</li>");
                html.Append("</ul>");
            }
            foreach (var extra in paper.OtherSections)
                Section(html, extra.Name, extra.Text);
            html.Append("</article>");
        }
        return End(html);
    }

    public static string NotFound(string message) =>
        End(Begin("Not found").Append("<p><a href=\"/\">← all editions</a></p><h1>Not found</h1><p>").Append(Encoder.Encode(message)).Append("</p>"));

    private static void Section(StringBuilder html, string name, string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return;
        html.Append("<h3>").Append(Encoder.Encode(name)).Append("</h3>").Append(Markdig.Markdown.ToHtml(markdown, Markdown));
    }

    private static string Inline(string markdown)
    {
        var block = Markdig.Markdown.ToHtml(markdown, Markdown).Trim();
        return block.StartsWith("<p>", StringComparison.Ordinal) && block.EndsWith("</p>", StringComparison.Ordinal) ? block[3..^4] : block;
    }

    private static StringBuilder Begin(string title) =>
        new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(Encoder.Encode(title))
            .Append("</title><style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.55}article{border-top:1px solid #ddd;padding-top:1rem}small{color:#666}</style></head><body>");

    private static string End(StringBuilder html) => html.Append("</body></html>").ToString();
}
