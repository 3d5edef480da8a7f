using System.Text;

namespace PaperBot.Web.Preview;

/// <summary>
/// Discord's markdown as the client shows it, to HTML: <c>**bold**</c>, <c>*italics*</c> and <c>_italics_</c>,
/// <c>__underline__</c>, <c>~~strike~~</c>, <c>||spoiler||</c>, <c>`code`</c>, <c>```blocks```</c>, <c>[masked](links)</c>
/// and bare links, <c>&gt; quotes</c> and <c>&gt;&gt;&gt; quotes</c>, <c># headings</c>, <c>-# subtext</c>, <c>- lists</c>
/// and line breaks. Every character of the text is HTML-encoded; only http(s) addresses become links.
/// </summary>
internal static class DiscordMarkdown
{
    /// <summary>A message's content, an embed's description or a field's value.</summary>
    public static string ToHtml(string? markdown)
    {
        var text = (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var html = new StringBuilder(text.Length + 32);
        foreach (var piece in CodeFences.Split(text))
        {
            if (piece.IsCode)
                CodeBlock(html, piece.Text);
            else
                Lines(html, TrimOneNewline(piece.Text, leading: piece.AfterFence, trailing: piece.BeforeFence));
        }
        return html.ToString();
    }

    /// <summary>Text that takes no blocks and, as in an embed's title or a field's name, no links.</summary>
    public static string InlineToHtml(string? markdown)
    {
        var html = new StringBuilder();
        var text = markdown ?? "";
        Inline(html, text, 0, text.Length, links: false);
        return html.ToString();
    }

    private static string TrimOneNewline(string text, bool leading, bool trailing)
    {
        if (leading && text.StartsWith('\n'))
            text = text[1..];
        if (trailing && text.EndsWith('\n'))
            text = text[..^1];
        return text;
    }

    private static void CodeBlock(StringBuilder html, string code)
    {
        // ```lang\n...```: a first line that is one word names the language and is not shown.
        var newline = code.IndexOf('\n');
        if (newline >= 0 && code[..newline].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '#' or '.' or '_'))
            code = code[(newline + 1)..];
        html.Append("<pre class=\"md-codeblock\"><code>").AppendEncoded(code.TrimEnd('\n')).Append("</code></pre>");
    }

    private static void Lines(StringBuilder html, string text)
    {
        if (text.Length == 0)
            return;
        var lines = text.Split('\n');
        var afterText = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line == ">>>" || line.StartsWith(">>> ", StringComparison.Ordinal))
            {
                // Everything to the end of the message is quoted.
                var rest = string.Join('\n', lines[i..]);
                html.Append("<blockquote>");
                Lines(html, rest.Length > 4 ? rest[4..] : "");
                html.Append("</blockquote>");
                return;
            }
            if (IsQuoteLine(line))
            {
                var quoted = new List<string>();
                for (; i < lines.Length && IsQuoteLine(lines[i]); i++)
                    quoted.Add(lines[i].Length > 2 ? lines[i][2..] : "");
                i--;
                html.Append("<blockquote>");
                Lines(html, string.Join('\n', quoted));
                html.Append("</blockquote>");
                afterText = false;
                continue;
            }
            if (Heading(line) is { } heading)
            {
                html.Append("<div class=\"md-h").Append(heading.Level).Append("\">");
                Inline(html, line, heading.TextStart, line.Length, links: true);
                html.Append("</div>");
                afterText = false;
                continue;
            }
            if (line.StartsWith("-# ", StringComparison.Ordinal))
            {
                html.Append("<div class=\"md-subtext\">");
                Inline(html, line, 3, line.Length, links: true);
                html.Append("</div>");
                afterText = false;
                continue;
            }
            if (IsListLine(line))
            {
                html.Append("<ul class=\"md-list\">");
                for (; i < lines.Length && IsListLine(lines[i]); i++)
                {
                    var item = lines[i].TrimStart();
                    html.Append("<li>");
                    Inline(html, item, 2, item.Length, links: true);
                    html.Append("</li>");
                }
                i--;
                html.Append("</ul>");
                afterText = false;
                continue;
            }
            if (afterText)
                html.Append("<br>");
            Inline(html, line, 0, line.Length, links: true);
            afterText = true;
        }
    }

    private static bool IsQuoteLine(string line) => line == ">" || line.StartsWith("> ", StringComparison.Ordinal);

    private static bool IsListLine(string line)
    {
        var trimmed = line.TrimStart(' ');
        return trimmed.Length > 2 && trimmed[0] is '-' or '*' && trimmed[1] == ' ' && !string.IsNullOrWhiteSpace(trimmed[2..]);
    }

    private static (int Level, int TextStart)? Heading(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
            level++;
        return level is >= 1 and <= 3 && line.Length > level + 1 && line[level] == ' ' && !string.IsNullOrWhiteSpace(line[(level + 1)..])
            ? (level, level + 1)
            : null;
    }

    private static void Inline(StringBuilder html, string s, int start, int end, bool links)
    {
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < end && IsEscapable(s[i + 1]))
            {
                html.AppendEncoded(s[i + 1]);
                i += 2;
                continue;
            }
            if (c == '`' && TryCode(html, s, i, end, out var afterCode))
            {
                i = afterCode;
                continue;
            }
            if (links && c == '[' && TryMaskedLink(html, s, i, end, out var afterLink))
            {
                i = afterLink;
                continue;
            }
            if (links && c == '<' && TryAngleLink(html, s, i, end, out var afterAngle))
            {
                i = afterAngle;
                continue;
            }
            if (links && c is 'h' or 'H' && PreviewHtml.TryBareUrl(s, i, end, out var url))
            {
                html.AppendLink(PreviewHtml.SafeHttpUrl(url)!, PreviewHtml.Encode(url));
                i += url.Length;
                continue;
            }
            if (TryPair(html, s, i, end, "**", "<strong>", "</strong>", links, out var afterPair)
                || TryPair(html, s, i, end, "__", "<u>", "</u>", links, out afterPair)
                || TryPair(html, s, i, end, "~~", "<s>", "</s>", links, out afterPair)
                || TryPair(html, s, i, end, "||", "<span class=\"md-spoiler\">", "</span>", links, out afterPair)
                || (c == '*' && TryStarEmphasis(html, s, i, end, links, out afterPair))
                || (c == '_' && TryUnderscoreEmphasis(html, s, i, end, links, out afterPair)))
            {
                i = afterPair;
                continue;
            }
            i += html.AppendEncodedAt(s, i);
        }
    }

    /// <summary>A run of backticks up to the next run of the same length; nothing inside is formatted.</summary>
    private static bool TryCode(StringBuilder html, string s, int i, int end, out int after)
    {
        after = i;
        var run = 0;
        while (i + run < end && s[i + run] == '`')
            run++;
        var from = i + run;
        while (from < end)
        {
            var close = s.IndexOf(new string('`', run), from, end - from, StringComparison.Ordinal);
            if (close < 0)
                break;
            var closeRun = 0;
            while (close + closeRun < end && s[close + closeRun] == '`')
                closeRun++;
            if (closeRun == run && close > i + run)
            {
                var code = s[(i + run)..close];
                if (run > 1 && code.Length > 2 && code[0] == ' ' && code[^1] == ' ')
                    code = code[1..^1];
                html.Append("<code>").AppendEncoded(code).Append("</code>");
                after = close + run;
                return true;
            }
            from = close + closeRun;
        }
        // An unmatched run is shown as it is.
        html.AppendEncoded(new string('`', run));
        after = i + run;
        return true;
    }

    /// <summary><c>[text](https://...)</c>, also <c>[text](&lt;https://...&gt;)</c>; a masked link to anything but http(s) stays text.</summary>
    private static bool TryMaskedLink(StringBuilder html, string s, int i, int end, out int after)
    {
        after = i;
        var closeText = s.IndexOf("](", i + 1, end - i - 1, StringComparison.Ordinal);
        if (closeText < 0 || closeText == i + 1 || s.AsSpan(i + 1, closeText - i - 1).Contains('\n'))
            return false;
        var closeUrl = s.IndexOf(')', closeText + 2, end - closeText - 2);
        if (closeUrl < 0)
            return false;
        var target = s[(closeText + 2)..closeUrl].Trim();
        if (target.StartsWith('<') && target.EndsWith('>'))
            target = target[1..^1];
        if (target.Length == 0 || target.Any(char.IsWhiteSpace))
            return false;
        if (PreviewHtml.SafeHttpUrl(target) is not { } safe)
            return false;
        var label = new StringBuilder();
        Inline(label, s, i + 1, closeText, links: false);
        html.AppendLink(safe, label.ToString());
        after = closeUrl + 1;
        return true;
    }

    /// <summary><c>&lt;https://...&gt;</c>: a link whose preview is suppressed.</summary>
    private static bool TryAngleLink(StringBuilder html, string s, int i, int end, out int after)
    {
        after = i;
        var close = s.IndexOf('>', i + 1, end - i - 1);
        if (close < 0)
            return false;
        var target = s[(i + 1)..close];
        if (target.Any(char.IsWhiteSpace) || PreviewHtml.SafeHttpUrl(target) is not { } safe
            || !target.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return false;
        html.AppendLink(safe, PreviewHtml.Encode(target));
        after = close + 1;
        return true;
    }

    /// <summary>A two-character delimiter around non-empty text, closed where the delimiter is not followed by its own character.</summary>
    private static bool TryPair(StringBuilder html, string s, int i, int end, string delimiter, string open, string close, bool links, out int after)
    {
        after = i;
        if (i + 2 > end || string.CompareOrdinal(s, i, delimiter, 0, 2) != 0)
            return false;
        var from = i + 3;
        while (from + 2 <= end)
        {
            var at = s.IndexOf(delimiter, from, end - from, StringComparison.Ordinal);
            if (at < 0)
                return false;
            if (at + 2 >= end || s[at + 2] != delimiter[0])
            {
                html.Append(open);
                Inline(html, s, i + 2, at, links);
                html.Append(close);
                after = at + 2;
                return true;
            }
            from = at + 1;
        }
        return false;
    }

    /// <summary><c>*text*</c>: opens before a non-space, closes after one; <c>**</c> pairs inside are bold.</summary>
    private static bool TryStarEmphasis(StringBuilder html, string s, int i, int end, bool links, out int after)
    {
        after = i;
        if (i + 1 >= end || char.IsWhiteSpace(s[i + 1]))
            return false;
        for (var j = i + 1; j < end; j++)
        {
            if (s[j] == '\\')
            {
                j++;
                continue;
            }
            if (s[j] != '*')
                continue;
            if (j + 1 < end && s[j + 1] == '*')
            {
                j++; // a ** pair inside the emphasis
                continue;
            }
            if (j > i + 1 && !char.IsWhiteSpace(s[j - 1]))
            {
                html.Append("<em>");
                Inline(html, s, i + 1, j, links);
                html.Append("</em>");
                after = j + 1;
                return true;
            }
        }
        return false;
    }

    /// <summary><c>_text_</c> only between word boundaries, so snake_case_names stay as they are.</summary>
    private static bool TryUnderscoreEmphasis(StringBuilder html, string s, int i, int end, bool links, out int after)
    {
        after = i;
        if ((i > 0 && IsWordChar(s[i - 1])) || i + 1 >= end || char.IsWhiteSpace(s[i + 1]))
            return false;
        for (var j = i + 1; j < end; j++)
        {
            if (s[j] == '\\')
            {
                j++;
                continue;
            }
            if (s[j] != '_')
                continue;
            if (j + 1 < end && s[j + 1] == '_')
            {
                j++;
                continue;
            }
            if (j > i + 1 && (j + 1 >= end || !IsWordChar(s[j + 1])))
            {
                html.Append("<em>");
                Inline(html, s, i + 1, j, links);
                html.Append("</em>");
                after = j + 1;
                return true;
            }
        }
        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>A backslash before ASCII punctuation shows the character itself, unformatted.</summary>
    private static bool IsEscapable(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c));
}
