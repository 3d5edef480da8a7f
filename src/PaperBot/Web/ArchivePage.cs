using System.Text;
using System.Text.Encodings.Web;
using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Text;

namespace PaperBot.Web;

/// <summary>
/// Renders the archive pages. Digest text is markdown rendered by <see cref="PageMarkdown"/> (no raw HTML, http(s)
/// links only); everything else is encoded. No inline script or style: the stylesheet is <see cref="StylesheetPath"/>,
/// so the Content-Security-Policy can forbid both.
/// </summary>
internal static class ArchivePage
{
    public const string StylesheetPath = "/archive.css";

    public const string Stylesheet =
        "body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.55}article{border-top:1px solid #ddd;padding-top:1rem}small{color:#666}";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <param name="searchProblem">Why the search text was not searched, instead of <paramref name="hits"/>.</param>
    public static string Index(
        IReadOnlyList<DateOnly> dates, string? query, IReadOnlyList<SearchHit>? hits, string? searchProblem, IReadOnlyDictionary<string, string> failures,
        IReadOnlyList<EditionDelivery> failedDeliveries)
    {
        var html = Begin("PaperBot archive");
        html.Append("<h1>PaperBot archive</h1>");
        html.Append("<form method=\"get\" action=\"/\"><input name=\"q\" type=\"search\" placeholder=\"Search titles, summaries, abstracts, key points\" value=\"")
            .Append(Encoder.Encode(query ?? "")).Append("\"> <button>Search</button></form>");
        if (searchProblem is not null)
            html.Append("<h2>Search</h2><p>").Append(Encoder.Encode(searchProblem)).Append("</p>");
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
        if (failedDeliveries.Count > 0)
        {
            html.Append("<h2>Deliveries that failed</h2><ul>");
            foreach (var failed in failedDeliveries)
            {
                var date = EditionDates.ToText(failed.Key.Date);
                var next = failed.State != DeliveryState.Failed ? "delivered, with this error on the way"
                    : failed.RetryAt is { } retry ? $"tried again at {retry.UtcDateTime:yyyy-MM-dd HH:mm} UTC"
                    : "not retried for this edition";
                html.Append("<li>").Append(Encoder.Encode(failed.Key.Platform)).Append(" channel <code>").Append(Encoder.Encode(failed.Key.Channel))
                    .Append("</code>, <a href=\"/editions/").Append(date).Append("/preview\">").Append(date).Append(" edition</a>: ")
                    .Append(Encoder.Encode(failed.LastError!)).Append(" <small>(").Append(next).Append(")</small></li>");
            }
            html.Append("</ul>");
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
        html.Append("<p><a href=\"/\">← all editions</a> · <a href=\"/editions/").Append(date).Append("/preview\">Preview: as Discord and Slack show it</a></p>");
        html.Append("<h1>").Append(date).Append(" · ").Append(edition.Papers.Count).Append(" papers</h1>");
        foreach (var paper in edition.Papers)
        {
            html.Append("<article id=\"paper-").Append(paper.Rank).Append("\"><h2>").Append(paper.Rank).Append(". ");
            if (SafeLinks.HttpUrl(paper.Url) is { } url)
                html.Append("<a href=\"").Append(Encoder.Encode(url)).Append("\">").Append(Inline(paper.Title)).Append("</a>");
            else
                html.Append(Inline(paper.Title));
            html.Append("</h2><p><small>");
            if (paper.Upvotes is { } upvotes)
                html.Append("▲ ").Append(upvotes).Append(" · ");
            if (SafeLinks.HttpUrl(paper.ArxivAbsUrl) is { } arxiv)
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
        html.Append("<h3>").Append(Encoder.Encode(name)).Append("</h3>").Append(PageMarkdown.ToHtml(markdown));
    }

    private static string Inline(string markdown)
    {
        var block = PageMarkdown.ToHtml(markdown).Trim();
        return block.StartsWith("<p>", StringComparison.Ordinal) && block.EndsWith("</p>", StringComparison.Ordinal) ? block[3..^4] : block;
    }

    private static StringBuilder Begin(string title) =>
        new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(Encoder.Encode(title))
            .Append("</title><link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\"></head><body>");

    private static string End(StringBuilder html) => html.Append("</body></html>").ToString();
}
