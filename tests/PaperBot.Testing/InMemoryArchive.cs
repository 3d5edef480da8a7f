using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;

namespace PaperBot.Testing;

/// <summary>
/// A plain in-memory archive and writer for platform tests, with its delivery record beside it (<see cref="Record"/>), so they
/// do not depend on a database. The storage project's contract suite (ArchiveContract) holds it and the real stores to the same
/// behaviour: words split on white space, matched as parts of words in any case; search ranked among the newest matches.
/// </summary>
public sealed class InMemoryArchive(params Edition[] editions) : IEditionArchive, IArchiveWriter
{
    /// <summary>How many of the newest matches a search ranks, as the stores do (more when more are asked for).</summary>
    private const int RankingWindow = 100;

    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateOnly, Edition> _editions = new(editions.ToDictionary(e => e.Date));
    private readonly Dictionary<DateOnly, string> _sourceOfDate = [];
    private readonly Dictionary<string, string> _hashOfSource = new(StringComparer.Ordinal);

    /// <summary>What was delivered, and the subscriptions: the stores keep them in the archive's database.</summary>
    public InMemoryDeliveryRecord Record { get; } = new();

    /// <summary>Adds or replaces the edition of its date, from no file.</summary>
    public void Add(Edition edition)
    {
        lock (_gate)
        {
            _editions[edition.Date] = edition;
            _sourceOfDate.Remove(edition.Date);
        }
    }

    public Task<string?> GetSourceHashAsync(string path, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_hashOfSource.GetValueOrDefault(path));
    }

    public Task StoreAsync(Edition edition, DigestSource source, CancellationToken cancellationToken = default) =>
        StoreManyAsync([(edition, source)], cancellationToken);

    public Task StoreManyAsync(IReadOnlyList<(Edition Edition, DigestSource Source)> items, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var (edition, source) in items)
            {
                // What the file produced before under another date is gone: its date heading was corrected.
                foreach (var date in _sourceOfDate.Where(s => s.Value == source.Path).Select(s => s.Key).ToList())
                {
                    _editions.Remove(date);
                    _sourceOfDate.Remove(date);
                }
                _editions[edition.Date] = edition;
                _sourceOfDate[edition.Date] = source.Path;
                _hashOfSource[source.Path] = source.ContentHash;
            }
        }
        return Task.CompletedTask;
    }

    public Task<Edition?> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_editions.Count == 0 ? null : _editions.Values.Last());
    }

    public Task<Edition?> GetEditionAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_editions.GetValueOrDefault(date));
    }

    public Task<IReadOnlyList<DateOnly>> ListDatesAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<DateOnly>>(_editions.Keys.Reverse().ToList());
    }

    public Task<IReadOnlyList<PaperRef>> FindByArxivIdAsync(string arxivId, CancellationToken cancellationToken = default)
    {
        var id = arxivId?.Trim() ?? "";
        return Task.FromResult<IReadOnlyList<PaperRef>>(id.Length == 0 ? [] : NewestFirst().Where(r => r.Paper.ArxivId == id).ToList());
    }

    public Task<IReadOnlyList<PaperRef>> FindByTitleAsync(string words, DateOnly? date, int limit, CancellationToken cancellationToken = default)
    {
        var wanted = Words(words);
        if (wanted.Count == 0 || limit <= 0)
            return Task.FromResult<IReadOnlyList<PaperRef>>([]);
        return Task.FromResult<IReadOnlyList<PaperRef>>(NewestFirst()
            .Where(r => date is null || r.Date == date)
            .Where(r => wanted.All(w => Has(r.Paper.Title, w)))
            .Take(limit)
            .ToList());
    }

    /// <summary>Every word in the title, summary, abstract or key points; ranked as PostgreSQL does, by the fields that have each word.</summary>
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        var wanted = Words(query);
        if (wanted.Count == 0 || limit <= 0)
            return Task.FromResult<IReadOnlyList<SearchHit>>([]);
        return Task.FromResult<IReadOnlyList<SearchHit>>(NewestFirst()
            .Where(r => wanted.All(w => Searchable(r.Paper).Any(field => Has(field, w))))
            .Take(Math.Max(RankingWindow, limit))
            .Select(r => new SearchHit(r.Date, r.Paper, -wanted.Sum(w => Relevance(r.Paper, w))))
            .OrderBy(hit => hit.Score).ThenByDescending(hit => hit.Date).ThenBy(hit => hit.Paper.Rank)
            .Take(limit)
            .ToList());
    }

    private List<PaperRef> NewestFirst()
    {
        lock (_gate)
            return _editions.Values.Reverse().SelectMany(e => e.Papers.OrderBy(p => p.Rank).Select(p => new PaperRef(e.Date, p))).ToList();
    }

    /// <summary>As the real stores read search text: cleaned as <see cref="SearchQuery"/> does, and no words at all beyond its bounds.</summary>
    private static List<string> Words(string? text) =>
        SearchQuery.Parse(text).TryGetValue(out var query, out _)
            ? query.Words.Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static string[] Searchable(Paper paper) => [paper.Title, paper.Summary, paper.Abstract, string.Join('\n', paper.KeyPoints)];

    /// <summary>The title counts twice, each other field that has the word once.</summary>
    private static double Relevance(Paper paper, string word) =>
        (Has(paper.Title, word) ? 2 : 0) + (Has(paper.Summary, word) ? 1 : 0) + (Has(paper.Abstract, word) ? 1 : 0) +
        (Has(string.Join('\n', paper.KeyPoints), word) ? 1 : 0);
}
