using System.Text;

namespace PaperBot.Web.Preview;

/// <summary>
/// Slack's mrkdwn as the client shows it, to HTML: <c>*bold*</c>, <c>_italics_</c>, <c>~strike~</c>, <c>`code`</c>,
/// <c>```blocks```</c>, <c>&lt;url|text&gt;</c> and bare links, mentions, <c>&gt; quotes</c> and line breaks. The text
/// arrives with Slack's three entities (<c>&amp;amp; &amp;lt; &amp;gt;</c>), which are decoded once; every character is
/// then HTML-encoded, and only http(s) addresses become links.
/// </summary>
internal static class SlackMrkdwn
{
    public static string ToHtml(string? mrkdwn)
    {
        var text = (mrkdwn ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var html = new StringBuilder(text.Length + 32);
        foreach (var piece in CodeFences.Split(text))
        {
            if (piece.IsCode)
                html.Append("<pre class=\"md-codeblock\"><code>").AppendEncoded(Decode(piece.Text).Trim('\n')).Append("</code></pre>");
            else
                Lines(html, Prose(piece));
        }
        return html.ToString();
    }

    /// <summary>Slack drops the line break after a fence and the blank lines before one.</summary>
    private static string Prose(CodeFences.Piece piece)
    {
        var text = piece.AfterFence && piece.Text.StartsWith('\n') ? piece.Text[1..] : piece.Text;
        return piece.BeforeFence ? text.TrimEnd('\n') : text;
    }

    /// <summary>Slack's three entities decoded, in one pass (so <c>&amp;amp;lt;</c> is the text <c>&amp;lt;</c>).</summary>
    public static string Decode(string text)
    {
        if (!text.Contains('&'))
            return text;
        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '&' && Entity(text, i) is { } entity)
            {
                plain.Append(entity.Char);
                i += entity.Length - 1;
            }
            else
            {
                plain.Append(text[i]);
            }
        }
        return plain.ToString();
    }

    private static (char Char, int Length)? Entity(string s, int i) =>
        string.CompareOrdinal(s, i, "&amp;", 0, 5) == 0 ? ('&', 5)
        : string.CompareOrdinal(s, i, "&lt;", 0, 4) == 0 ? ('<', 4)
        : string.CompareOrdinal(s, i, "&gt;", 0, 4) == 0 ? ('>', 4)
        : null;

    private static void Lines(StringBuilder html, string text)
    {
        if (text.Length == 0)
            return;
        var lines = text.Split('\n');
        var afterText = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsQuoteLine(lines[i]))
            {
                html.Append("<blockquote>");
                for (var first = true; i < lines.Length && IsQuoteLine(lines[i]); i++, first = false)
                {
                    if (!first)
                        html.Append("<br>");
                    var quoted = lines[i].TrimStart('>');
                    quoted = quoted.StartsWith(' ') ? quoted[1..] : quoted;
                    Inline(html, quoted, 0, quoted.Length);
                }
                i--;
                html.Append("</blockquote>");
                afterText = false;
                continue;
            }
            if (afterText)
                html.Append("<br>");
            Inline(html, lines[i], 0, lines[i].Length);
            afterText = true;
        }
    }

    /// <summary>A quote is a literal <c>&gt;</c> at the line's start; an escaped one (<c>&amp;gt;</c>) is text.</summary>
    private static bool IsQuoteLine(string line) => line.StartsWith('>');

    private static void Inline(StringBuilder html, string s, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (c == '&' && Entity(s, i) is { } entity)
            {
                html.AppendEncoded(entity.Char);
                i += entity.Length;
                continue;
            }
            if (c == '<' && TryControl(html, s, i, end, out var afterControl))
            {
                i = afterControl;
                continue;
            }
            if (c == '`' && TryCode(html, s, i, end, out var afterCode))
            {
                i = afterCode;
                continue;
            }
            if (c is 'h' or 'H' && PreviewHtml.TryBareUrl(s, i, end, out var url))
            {
                html.AppendLink(PreviewHtml.SafeHttpUrl(Decode(url))!, PreviewHtml.Encode(Decode(url)));
                i += url.Length;
                continue;
            }
            if (c is '*' or '_' or '~' && TryStyle(html, s, i, end, out var afterStyle))
            {
                i = afterStyle;
                continue;
            }
            i += html.AppendEncodedAt(s, i);
        }
    }

    /// <summary>
    /// <c>&lt;https://...|text&gt;</c> links, <c>&lt;@U…&gt;</c> users, <c>&lt;#C…|name&gt;</c> channels,
    /// <c>&lt;!here&gt;</c> and the like; a target that is not an http(s) address shows its text without a link.
    /// </summary>
    private static bool TryControl(StringBuilder html, string s, int i, int end, out int after)
    {
        after = i;
        var close = s.IndexOf('>', i + 1, end - i - 1);
        if (close < 0 || close == i + 1 || s.AsSpan(i + 1, close - i - 1).ContainsAny('<', '\n'))
            return false;
        var inside = s[(i + 1)..close];
        var bar = inside.IndexOf('|');
        var target = bar < 0 ? inside : inside[..bar];
        var label = bar < 0 ? null : Decode(inside[(bar + 1)..]);
        switch (target[0])
        {
            case '@':
                after = close + 1;
                html.Append("<span class=\"mention\">@").AppendEncoded(label ?? target[1..]).Append("</span>");
                return true;
            case '#':
                after = close + 1;
                html.Append("<span class=\"mention\">#").AppendEncoded(label ?? target[1..]).Append("</span>");
                return true;
            case '!':
                after = close + 1;
                var special = target[1..];
                var shown = label ?? (special.StartsWith("subteam^", StringComparison.Ordinal) ? "@group"
                    : special.StartsWith("date^", StringComparison.Ordinal) ? special : "@" + special);
                html.Append("<span class=\"mention\">").AppendEncoded(shown).Append("</span>");
                return true;
        }
        if (!target.Contains(':'))
            return false; // not a link, a mention or a command: Slack's sender should have escaped it; shown as written
        var address = Decode(target);
        var text = string.IsNullOrEmpty(label) ? address : label;
        after = close + 1;
        if (PreviewHtml.SafeHttpUrl(address) is { } safe && address.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            html.AppendLink(safe, PreviewHtml.Encode(text));
        else
            html.AppendEncoded(text);
        return true;
    }

    private static bool TryCode(StringBuilder html, string s, int i, int end, out int after)
    {
        after = i;
        var close = i + 1 < end ? s.IndexOf('`', i + 1, end - i - 1) : -1;
        if (close <= i + 1)
            return false;
        html.Append("<code>").AppendEncoded(Decode(s[(i + 1)..close])).Append("</code>");
        after = close + 1;
        return true;
    }

    /// <summary>
    /// <c>*bold*</c>, <c>_italics_</c>, <c>~strike~</c>: the mark opens at a word's start before a non-space and closes
    /// after a non-space at a word's end, on the same line.
    /// </summary>
    private static bool TryStyle(StringBuilder html, string s, int i, int end, out int after)
    {
        after = i;
        var mark = s[i];
        if ((i > 0 && char.IsLetterOrDigit(s[i - 1])) || i + 1 >= end || char.IsWhiteSpace(s[i + 1]) || s[i + 1] == mark)
            return false;
        for (var j = i + 2; j < end; j++)
        {
            if (s[j] == '\n')
                return false;
            if (s[j] == mark && !char.IsWhiteSpace(s[j - 1]) && (j + 1 >= end || !char.IsLetterOrDigit(s[j + 1])))
            {
                var (open, closeTag) = mark switch
                {
                    '*' => ("<strong>", "</strong>"),
                    '_' => ("<em>", "</em>"),
                    _ => ("<s>", "</s>"),
                };
                html.Append(open);
                Inline(html, s, i + 1, j);
                html.Append(closeTag);
                after = j + 1;
                return true;
            }
        }
        return false;
    }
}
