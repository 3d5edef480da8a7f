using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;

namespace PaperBot.Testing;

/// <summary>
/// A plain in-memory archive and ledger for platform tests, so they do not depend on a database.
/// The storage project's contract tests hold the real stores to the same behaviour.
/// </summary>
public sealed class InMemoryArchive(params Edition[] editions) : IEditionArchive, IDeliveryLedger
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateOnly, Edition> _editions = new(editions.ToDictionary(e => e.Date));
    private readonly List<Delivery> _deliveries = [];

    public IReadOnlyList<Delivery> Deliveries
    {
        get { lock (_gate) return _deliveries.ToList(); }
    }

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
        var wanted = Words(words);
        if (wanted.Count == 0)
            return Task.FromResult<IReadOnlyList<PaperRef>>([]);
        return Task.FromResult<IReadOnlyList<PaperRef>>(NewestFirst()
            .Where(r => date is null || r.Date == date)
            .Where(r => wanted.All(w => r.Paper.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Take(limit)
            .ToList());
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        var wanted = Words(query);
        if (wanted.Count == 0)
            return Task.FromResult<IReadOnlyList<SearchHit>>([]);
        return Task.FromResult<IReadOnlyList<SearchHit>>(NewestFirst()
            .Where(r => wanted.All(w => Searchable(r.Paper).Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(r => new SearchHit(r.Date, r.Paper, 1))
            .Take(limit)
            .ToList());
    }

    public Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(string platform, string channel, DateOnly date, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Delivery>>(_deliveries.Where(d => d.Platform == platform && d.Channel == channel && d.Date == date).ToList());
    }

    public Task RecordAsync(Delivery delivery, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _deliveries.RemoveAll(d => d.Platform == delivery.Platform && d.Channel == delivery.Channel && d.Date == delivery.Date && d.Rank == delivery.Rank);
            _deliveries.Add(delivery);
        }
        return Task.CompletedTask;
    }

    public Task<Delivery?> FindByMessageOrThreadAsync(string platform, string messageOrThreadId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_deliveries.FirstOrDefault(d => d.Platform == platform && !d.IsHeader && (d.MessageId == messageOrThreadId || d.ThreadId == messageOrThreadId)));
    }

    private List<PaperRef> NewestFirst()
    {
        lock (_gate)
            return _editions.Values.Reverse().SelectMany(e => e.Papers.Select(p => new PaperRef(e.Date, p))).ToList();
    }

    /// <summary>As the real stores read search text: cleaned, and nothing at all beyond the bounds.</summary>
    private static IReadOnlyList<string> Words(string text) =>
        SearchQuery.Parse(text).TryGetValue(out var query, out _) ? query.Words : [];

    private static string Searchable(Paper paper) =>
        string.Join('\n', [paper.Title, paper.Summary, paper.Abstract, .. paper.KeyPoints]);
}
