using System.Text;

namespace PaperBot.Core.Text;

/// <summary>
/// Fitting text into a platform's length limits. Lengths are UTF-16 code units, which is never less than
/// what Discord or Slack count, and a cut never splits a surrogate pair.
/// </summary>
public static class TextLimits
{
    public const string Ellipsis = "…";

    /// <summary>The text itself when it fits; else cut at the last word boundary before the limit, with an ellipsis.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
            return text;
        var budget = maxLength - Ellipsis.Length;
        var cut = LastBoundaryAtOrBefore(text, budget);
        return text[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Splits text into pieces of at most <paramref name="maxLength"/>, preferring paragraph, then line,
    /// then sentence, then word boundaries, so the whole text survives across several messages. Linear in the
    /// length of the text: each cut looks only at the next <paramref name="maxLength"/> characters, and only the
    /// pieces themselves are copied.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var pieces = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > maxLength)
        {
            var cut = BestSplit(rest, maxLength);
            if (cut == 0)
                cut = 2; // a limit of one code unit cannot hold a surrogate pair: it goes whole rather than broken
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
                pieces.Add(piece.ToString());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0)
            pieces.Add(rest.ToString());
        return pieces;
    }

    private static readonly string[] Separators = ["\n\n", "\n", ". ", "。", "다. ", "? ", "! "];

    private static int BestSplit(ReadOnlySpan<char> text, int maxLength)
    {
        var window = text[..(maxLength + 1)];
        foreach (var separator in Separators)
        {
            var at = window.LastIndexOf(separator.AsSpan());
            if (at > maxLength / 2)
                return Math.Min(at + separator.Length, maxLength);
        }
        return LastBoundaryAtOrBefore(text, maxLength);
    }

    /// <summary>The last index at or before <paramref name="limit"/> that is after white space; failing that, a safe character boundary.</summary>
    private static int LastBoundaryAtOrBefore(ReadOnlySpan<char> text, int limit)
    {
        for (var i = limit; i > limit / 2; i--)
        {
            if (char.IsWhiteSpace(text[i]))
                return i;
        }
        var safe = limit;
        if (safe > 0 && char.IsHighSurrogate(text[safe - 1]))
            safe--;
        return safe;
    }

    /// <summary>Collapses runs of white space into one space.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                    builder.Append(' ');
                lastWasSpace = true;
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }
        return builder.ToString().TrimEnd();
    }
}
