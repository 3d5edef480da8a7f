using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PaperBot.Core.Text;

/// <summary>
/// The one rule for links that digest text may carry out (archive page, Discord, Slack): absolute http or https
/// only. Anything else (<c>javascript:</c>, <c>data:</c>, <c>file:</c>, relative or malformed) is to be dropped or shown as text.
/// </summary>
public static class SafeLinks
{
    /// <summary>
    /// True when <paramref name="url"/>, exactly as written, is an absolute http or https URL with a host, without white
    /// space, control or invisible format characters (which clients strip or read differently, so <c>java&#9;script:</c>
    /// cannot pass as text that merely looks odd): a link that can be sent on as it is.
    /// </summary>
    public static bool IsHttp([NotNullWhen(true)] string? url)
    {
        if (string.IsNullOrEmpty(url))
            return false;
        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
                return false;
        }
        return HttpUrl(url) is not null && url.StartsWith(url.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? "https://" : "http://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The URL in canonical form (every browser reads it the same way: it begins with <c>http://</c> or <c>https://</c>),
    /// or null when it is not an absolute http(s) URL. Emit this rather than the text as written.
    /// </summary>
    public static string? HttpUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
            return null;
        return uri.AbsoluteUri;
    }
}
