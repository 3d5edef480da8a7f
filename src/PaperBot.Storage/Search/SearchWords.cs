using System.Text;
using PaperBot.Core.Queries;

namespace PaperBot.Storage.Search;

/// <summary>
/// A query split into the words that must all match. Trigram indexes can only look up words of at least
/// three characters; shorter words (common in Korean: 모델, 학습) are matched with LIKE instead.
/// </summary>
internal sealed class SearchWords
{
    /// <summary>
    /// How many of the newest matches a search ranks by relevance; when more match, older ones are left out.
    /// A phrase found in most of ten years of papers would otherwise cost milliseconds of scoring for answers nobody scrolls to.
    /// </summary>
    public const int RankingWindow = 100;

    public const int TrigramLength = 3;

    private SearchWords(IReadOnlyList<string> all)
    {
        All = all;
        Indexed = all.Where(IsIndexable).ToList();
        Short = all.Where(w => !IsIndexable(w)).ToList();
    }

    public IReadOnlyList<string> All { get; }

    /// <summary>Words long enough for a trigram index lookup.</summary>
    public IReadOnlyList<string> Indexed { get; }

    /// <summary>Words too short for a trigram index.</summary>
    public IReadOnlyList<string> Short { get; }

    public bool IsEmpty => All.Count == 0;

    /// <summary>The words lower-cased and in order: equal for queries that must give equal answers.</summary>
    public string Normalized => string.Join(' ', All).ToLowerInvariant();

    /// <summary>
    /// The words of the text as <see cref="SearchQuery"/> cleans them. Text beyond its bounds has no words, so it
    /// finds nothing: no database is sent an unbounded query, nor a control character (callers explain the bounds).
    /// </summary>
    public static SearchWords Parse(string? text) =>
        SearchQuery.Parse(text).TryGetValue(out var query, out _)
            ? new(query.Words.Distinct(StringComparer.OrdinalIgnoreCase).ToList())
            : new([]);

    /// <summary>A LIKE pattern matching the word anywhere, with <c>\</c> as the escape character.</summary>
    public static string ContainsPattern(string word)
    {
        var pattern = new StringBuilder(word.Length + 4).Append('%');
        foreach (var c in word)
        {
            if (c is '%' or '_' or '\\')
                pattern.Append('\\');
            pattern.Append(c);
        }
        return pattern.Append('%').ToString();
    }

    private static bool IsIndexable(string word) => word.EnumerateRunes().Count() >= TrigramLength;
}
