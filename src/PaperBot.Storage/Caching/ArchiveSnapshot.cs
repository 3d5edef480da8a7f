using System.Collections.Concurrent;
using PaperBot.Core.Domain;

namespace PaperBot.Storage.Caching;

/// <summary>
/// Decoded editions as of one archive version. A write makes a new, empty snapshot rather than editing
/// this one, so a load that raced with the write can only ever land in the snapshot it started from.
/// </summary>
internal sealed class ArchiveSnapshot(long version)
{
    private readonly ConcurrentDictionary<DateOnly, Edition> _editions = new();
    private readonly ConcurrentDictionary<QueryKey, object> _answers = new();
    private EditionDates? _dates;

    public long Version { get; } = version;

    public EditionDates? Dates => Volatile.Read(ref _dates);

    public void SetDates(EditionDates dates) => Volatile.Write(ref _dates, dates);

    public bool TryGetEdition(DateOnly date, out Edition edition) => _editions.TryGetValue(date, out edition!);

    public Edition AddEdition(Edition edition) => _editions.GetOrAdd(edition.Date, edition);

    public bool TryGetAnswer<T>(QueryKey key, out T answer) where T : class
    {
        var found = _answers.TryGetValue(key, out var value);
        answer = (value as T)!;
        return found;
    }

    /// <summary>Keeps the answer; when <paramref name="capacity"/> is reached, the kept answers are dropped first (cheap, and rare).</summary>
    public void AddAnswer(QueryKey key, object answer, int capacity)
    {
        if (capacity <= 0)
            return;
        if (_answers.Count >= capacity)
            _answers.Clear();
        _answers[key] = answer;
    }
}

/// <summary>Every edition date, newest first, with a set for membership tests.</summary>
internal sealed class EditionDates(IReadOnlyList<DateOnly> newestFirst)
{
    private readonly HashSet<DateOnly> _set = [.. newestFirst];

    public IReadOnlyList<DateOnly> NewestFirst { get; } = newestFirst;

    public bool Contains(DateOnly date) => _set.Contains(date);
}
