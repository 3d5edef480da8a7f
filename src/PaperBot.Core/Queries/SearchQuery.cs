using System.Text;
using PaperBot.Core.Results;

namespace PaperBot.Core.Queries;

/// <summary>
/// Search text as the archive receives it: control characters (NUL included) and broken surrogate halves are gone,
/// white space is single spaces, and it is within <see cref="MaxLength"/> and <see cref="MaxWords"/>. The bounds are
/// here, once, so that the archive page and both platforms explain them in the same words.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>Characters of (cleaned) search text; a title and a few words fit well within it.</summary>
    public const int MaxLength = 200;

    /// <summary>Words that must all match; each is one more condition on every paper searched.</summary>
    public const int MaxWords = 16;

    private SearchQuery(string text, IReadOnlyList<string> words)
    {
        Text = text;
        Words = words;
    }

    public string Text { get; }

    public IReadOnlyList<string> Words { get; }

    /// <returns>The query, or a <see cref="BadSearch"/> saying what is wrong and what would work.</returns>
    public static Result<SearchQuery> Parse(string? text)
    {
        var clean = Clean(text);
        if (clean.Length == 0)
            return new BadSearch("There are no words to search for.");
        var words = clean.Split(' ');
        if (words.Length > MaxWords)
            return new BadSearch($"The search has {words.Length} words; at most {MaxWords} are searched.");
        if (clean.Length > MaxLength)
            return new BadSearch($"The search is {clean.Length} characters long; at most {MaxLength} are searched.");
        return new SearchQuery(clean, words);
    }

    /// <summary>The text with control characters read as spaces, unpaired surrogates dropped, and white space collapsed and trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var clean = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = clean.Length > 0;
                continue;
            }
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (char.IsSurrogate(c) && !pair)
                continue;
            if (pendingSpace)
                clean.Append(' ');
            pendingSpace = false;
            clean.Append(c);
            if (pair)
                clean.Append(text[++i]);
        }
        return clean.ToString();
    }
}
