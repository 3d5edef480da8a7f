using System.Text.RegularExpressions;
using PaperBot.Core.Text;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// Digest text goes to Discord as it is written, and Discord renders it as markdown. A masked link <c>[label](target)</c>
/// or an autolink <c>&lt;scheme:…&gt;</c> whose target is not an http(s) URL (<c>javascript:</c>, <c>data:</c>, …) is made
/// plain text: the link syntax is broken (a space between <c>]</c> and <c>(</c>, an escaped <c>&lt;</c>) and the words stay.
/// </summary>
internal static partial class MarkdownLinks
{
    public static string OnlyHttp(string text)
    {
        if (!text.Contains("](", StringComparison.Ordinal) && !text.Contains('<'))
            return text;
        var masked = MaskedLinkTarget().Replace(text, match => SafeLinks.IsHttp(match.Groups["target"].Value) ? match.Value : "] (" + match.Value[2..]);
        return Autolink().Replace(masked, match => IsHttpScheme(match.Groups["scheme"].Value) ? match.Value : "\\" + match.Value);
    }

    private static bool IsHttpScheme(string scheme) =>
        scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a masked link's target starts, up to the first white space, <c>)</c> or <c>&gt;</c>.</summary>
    [GeneratedRegex(@"\]\(\s*<?(?<target>[^\s)>]*)", RegexOptions.CultureInvariant)]
    private static partial Regex MaskedLinkTarget();

    [GeneratedRegex(@"(?<!\\)<(?<scheme>[A-Za-z][A-Za-z0-9+.\-]{0,31}):", RegexOptions.CultureInvariant)]
    private static partial Regex Autolink();
}
