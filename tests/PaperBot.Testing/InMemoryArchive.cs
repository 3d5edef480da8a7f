using PaperBot.Core.Domain;
using PaperBot.Core.Ports;

namespace PaperBot.Testing;

/// <summary>
/// A plain in-memory archive for platform tests, with its delivery record beside it (<see cref="Record"/>), so they do not depend on a database.
/// The storage project's contract tests hold the real stores to the same behaviour.
/// </summary>
public sealed class InMemoryArchive(params Edition[] editions) : IEditionArchive
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateOnly, Edition> _editions = new(editions.ToDictionary(e => e.Date));

    /// <summary>What was delivered, and the subscriptions: the stores keep them in the archive's database.</summary>
    public InMemoryDeliveryRecord Record { get; } = new();

    public void Add(Edition edition)
    {
        lock (_gate) _editions[edition.Date] = edition;
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

    public Task<IReadOnlyList<PaperRef>> FindByArxivIdAsync(string arxivId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PaperRef>>(NewestFirst().Where(r => r.Paper.ArxivId == arxivId).ToList());

    public Task<IReadOnlyList<PaperRef>> FindByTitleAsync(string words, DateOnly? date, int limit, CancellationToken cancellationToken = default)
    {
        var wanted = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Task.FromResult<IReadOnlyList<PaperRef>>(NewestFirst()
            .Where(r => date is null || r.Date == date)
            .Where(r => wanted.All(w => r.Paper.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Take(limit)
            .ToList());
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        var wanted = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Task.FromResult<IReadOnlyList<SearchHit>>(NewestFirst()
            .Where(r => wanted.All(w => Searchable(r.Paper).Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(r => new SearchHit(r.Date, r.Paper, 1))
            .Take(limit)
            .ToList());
    }

    private List<PaperRef> NewestFirst()
    {
        lock (_gate)
            return _editions.Values.Reverse().SelectMany(e => e.Papers.Select(p => new PaperRef(e.Date, p))).ToList();
    }

    private static string Searchable(Paper paper) =>
        string.Join('\n', [paper.Title, paper.Summary, paper.Abstract, .. paper.KeyPoints]);
}
