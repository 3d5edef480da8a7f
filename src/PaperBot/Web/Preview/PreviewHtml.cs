using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PaperBot.Web.Preview;

/// <summary>What the preview's converters share: text always encoded, and only http(s) addresses made into links.</summary>
internal static class PreviewHtml
{
    /// <summary>Encodes what HTML gives meaning to and leaves Hangul and other scripts readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public const string LinkRel = "noopener noreferrer nofollow";

    /// <summary>Encoded text; line breaks stay line breaks (a code block shows them).</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        return text.Contains('\n') ? string.Join('\n', text.Split('\n').Select(Encoder.Encode)) : Encoder.Encode(text);
    }

    public static StringBuilder AppendEncoded(this StringBuilder html, string? text) => html.Append(Encode(text));

    /// <summary>Encodes the character at <paramref name="i"/>, both halves of a surrogate pair (an emoji) together; returns how many it took.</summary>
    public static int AppendEncodedAt(this StringBuilder html, string text, int i)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            html.Append(Encoder.Encode(text.Substring(i, 2)));
            return 2;
        }
        html.AppendEncoded(text[i]);
        return 1;
    }

    public static StringBuilder AppendEncoded(this StringBuilder html, char c) => c == '\n' ? html.Append(c) : html.Append(Encoder.Encode(c.ToString()));

    /// <summary>The address, normalised, when it is an absolute http or https URL; null for anything else (javascript:, data:, relative...).</summary>
    public static string? SafeHttpUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return null;
        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;
    }

    /// <summary>A link to a safe address around already-encoded <paramref name="innerHtml"/>.</summary>
    public static StringBuilder AppendLink(this StringBuilder html, string safeUrl, string innerHtml, string? cssClass = null)
    {
        html.Append("<a href=\"").AppendEncoded(safeUrl).Append('"');
        if (cssClass is not null)
            html.Append(" class=\"").Append(cssClass).Append('"');
        return html.Append(" rel=\"").Append(LinkRel).Append("\">").Append(innerHtml).Append("</a>");
    }

    /// <summary>
    /// A bare http(s) address starting at <paramref name="start"/>, as chat clients find them: up to whitespace or
    /// <c>&lt;</c>, without trailing punctuation. The address must not follow a letter or digit.
    /// </summary>
    public static bool TryBareUrl(string text, int start, int end, out string url)
    {
        url = "";
        if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            return false;
        var rest = text.AsSpan(start, end - start);
        var scheme = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : 0;
        if (scheme == 0)
            return false;
        var length = scheme;
        while (length < rest.Length && !char.IsWhiteSpace(rest[length]) && rest[length] != '<')
            length++;
        while (length > scheme && ".,:;\"')]!?*_~|".Contains(rest[length - 1]))
            length--;
        if (length == scheme)
            return false;
        url = rest[..length].ToString();
        return SafeHttpUrl(url) is not null;
    }
}
