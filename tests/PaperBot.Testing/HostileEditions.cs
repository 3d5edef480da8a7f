using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PaperBot.Core.Domain;
using PaperBot.Core.Text;

namespace PaperBot.Testing;

/// <summary>
/// An edition whose paper links, thumbnails and markdown links use every scheme but http(s), written in every way
/// markdown allows; and the check that none of them became a link in what a platform was sent.
/// </summary>
public static partial class HostileEditions
{
    public static readonly DateOnly Date = new(2026, 1, 9);

    private const string Links =
        "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [upper]( JAVASCRIPT:alert(2) ) " +
        "[angle](<javascript:alert(3)>) [tab](java\tscript:alert(4)) [entity](java&#x09;script:alert(5)) [mail](mailto:someone@example.org) " +
        "[file](file:///etc/passwd) [vb](vbscript:msgbox(6)) [titled](javascript:alert(7) \"t\") <javascript:alert(8)> <data:text/html,x> " +
        "[ref][evil] [fine](https://example.org/fine)\n\n[evil]: javascript:alert(9)";

    public static Edition Edition { get; } = new(Date,
    [
        new Paper(1, "Hostile [title](javascript:alert(10)) paper", "javascript:alert(11)", "2601.09001", 1, "data:image/png;base64,AAAA",
            "Summary with links: " + Links, "Abstract with links: " + Links, ["Point with links: " + Links], [], []),
        new Paper(2, "Data URL paper", "data:text/html,<script>alert(12)</script>", null, null, "javascript:alert(13)",
            "Second summary " + Links, "Second abstract " + Links, ["Second point " + Links], [], []),
        new Paper(3, "Mail paper", "mailto:someone@example.org", "2601.09003", 3, "file:///etc/passwd",
            "Third summary.", "Third abstract.", ["Third point."], [], []),
    ]);

    /// <summary>Every link target in a Discord body: each <c>url</c> property, and each masked link or autolink in its markdown.</summary>
    public static IEnumerable<string> DiscordLinks(JsonNode? body) =>
        Properties(body).SelectMany(p => p.Name is "url" or "proxy_url"
            ? [p.Value]
            : DiscordMaskedLink().Matches(p.Value).Select(m => m.Groups["target"].Value)
                .Concat(DiscordAutolink().Matches(p.Value).Select(m => m.Groups["target"].Value)));

    /// <summary>Every link target in a Slack body: each <c>url</c> and <c>image_url</c>, and each <c>&lt;target|label&gt;</c> in its text (PaperBot escapes every other <c>&lt;</c>).</summary>
    public static IEnumerable<string> SlackLinks(JsonNode? body) =>
        Properties(body).SelectMany(p => p.Name is "url" or "image_url"
            ? [p.Value]
            : SlackLink().Matches(p.Value).Select(m => m.Groups["target"].Value));

    public static bool IsHttp(string target) =>
        SafeLinks.IsHttp(target.Trim()) && (target.Trim().StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<(string Name, string Value)> Properties(JsonNode? node, string name = "") => node switch
    {
        JsonObject o => o.SelectMany(p => Properties(p.Value, p.Key)),
        JsonArray a => a.SelectMany(e => Properties(e, name)),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => [(name, v.GetValue<string>())],
        _ => [],
    };

    [GeneratedRegex(@"\]\(\s*<?(?<target>[^\s)>]*)")]
    private static partial Regex DiscordMaskedLink();

    [GeneratedRegex(@"(?<!\\)<(?<target>[A-Za-z][A-Za-z0-9+.\-]*:[^\s>]*)>")]
    private static partial Regex DiscordAutolink();

    [GeneratedRegex(@"<(?<target>[^<>|]*)(?:\|[^<>]*)?>")]
    private static partial Regex SlackLink();
}
