using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage.Caching;
using PaperBot.Storage.Delivery;
using PaperBot.Storage.Search;

namespace PaperBot.Storage;

/// <summary>
/// What both databases share: reads are answered from decoded editions held in memory, and every query
/// that finds papers returns only (date, rank) keys, so a paper is decoded once however often it is asked for.
/// The cache is thrown away whenever the archive version in the database changes, including writes by
/// another process.
/// </summary>
public abstract class CachingArchiveStore : IArchiveStore
{
    private readonly SnapshotHolder _snapshots = new();
    private long _lastChangeCheckAt;

    private protected CachingArchiveStore(ArchiveStoreOptions? options)
    {
        Options = options ?? new ArchiveStoreOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(Options.QueryCacheEntries, nameof(options));
    }

    public ArchiveStoreOptions Options { get; }

    public abstract Task MigrateAsync(CancellationToken ct = default);

    public abstract Task<StoreProbe> ProbeAsync(CancellationToken ct = default);

    public abstract ValueTask DisposeAsync();

    public Task StoreAsync(Edition edition, DigestSource source, CancellationToken cancellationToken = default) =>
        StoreManyAsync([(edition, source)], cancellationToken);

    public async Task StoreManyAsync(IReadOnlyList<(Edition Edition, DigestSource Source)> items, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
            return;
        var version = await WriteEditionsAsync(items, ct);
        _snapshots.Observe(version);
    }

    public abstract Task<string?> GetSourceHashAsync(string path, CancellationToken cancellationToken = default);

    public async Task<Edition?> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await FreshSnapshotAsync(cancellationToken);
        var dates = await DatesAsync(snapshot, cancellationToken);
        return dates.NewestFirst.Count == 0 ? null : await EditionAsync(snapshot, dates.NewestFirst[0], cancellationToken);
    }

    public async Task<Edition?> GetEditionAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var snapshot = await FreshSnapshotAsync(cancellationToken);
        return await EditionAsync(snapshot, date, cancellationToken);
    }

    public async Task<IReadOnlyList<DateOnly>> ListDatesAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await FreshSnapshotAsync(cancellationToken);
        return (await DatesAsync(snapshot, cancellationToken)).NewestFirst;
    }

    public async Task<IReadOnlyList<PaperRef>> FindByArxivIdAsync(string arxivId, CancellationToken cancellationToken = default)
    {
        var id = arxivId?.Trim() ?? "";
        if (id.Length == 0)
            return [];
        return await AnswerAsync(new QueryKey(QueryKind.ArxivId, id, null, 0), async snapshot =>
            await ToPaperRefsAsync(snapshot, await QueryArxivIdAsync(id, cancellationToken), cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<PaperRef>> FindByTitleAsync(string words, DateOnly? date, int limit, CancellationToken cancellationToken = default)
    {
        var parsed = SearchWords.Parse(words);
        if (parsed.IsEmpty || limit <= 0)
            return [];
        return await AnswerAsync(new QueryKey(QueryKind.TitleWords, parsed.Normalized, date, limit), async snapshot =>
            await ToPaperRefsAsync(snapshot, await QueryTitleAsync(parsed, date, limit, cancellationToken), cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        var parsed = SearchWords.Parse(query);
        if (parsed.IsEmpty || limit <= 0)
            return [];
        return await AnswerAsync(new QueryKey(QueryKind.Search, parsed.Normalized, null, limit), async snapshot =>
        {
            var keys = await QuerySearchAsync(parsed, limit, cancellationToken);
            var hits = new List<SearchHit>(keys.Count);
            foreach (var key in keys)
            {
                if (await PaperAsync(snapshot, key, cancellationToken) is { } paper)
                    hits.Add(new SearchHit(key.Date, paper, key.Score));
            }
            return (IReadOnlyList<SearchHit>)hits.AsReadOnly();
        }, cancellationToken);
    }

    public Task<EditionDelivery?> TryLeaseAsync(DeliveryKey key, string owner, string editionFingerprint, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default) =>
        Deliveries.TryLeaseAsync(key, owner, editionFingerprint, now, leaseUntil, cancellationToken);

    public Task<bool> RenewLeaseAsync(DeliveryKey key, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        Deliveries.RenewLeaseAsync(key, owner, now, leaseUntil, cancellationToken);

    public Task<IReadOnlyList<ItemRecord>> GetItemsAsync(DeliveryKey key, CancellationToken cancellationToken = default) =>
        Deliveries.GetItemsAsync(key, cancellationToken);

    public Task<ItemClaim> ClaimItemAsync(DeliveryKey key, ItemKey item, string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Deliveries.ClaimItemAsync(key, item, owner, now, cancellationToken);

    public Task MarkItemSentAsync(DeliveryKey key, ItemKey item, string platformId, string contentHash, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Deliveries.MarkItemSentAsync(key, item, platformId, contentHash, now, cancellationToken);

    public Task MarkItemFailedAsync(DeliveryKey key, ItemKey item, string error, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Deliveries.MarkItemFailedAsync(key, item, error, now, cancellationToken);

    public Task FinishAsync(DeliveryKey key, string owner, DeliveryFinish finish, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Deliveries.FinishAsync(key, owner, finish, now, cancellationToken);

    public Task<IReadOnlyList<EditionDelivery>> GetDeliveriesSinceAsync(DateOnly since, CancellationToken cancellationToken = default) =>
        Deliveries.GetDeliveriesSinceAsync(since, cancellationToken);

    public Task<IReadOnlyList<EditionDelivery>> GetChannelHistoryAsync(ChannelRef channel, int limit, CancellationToken cancellationToken = default) =>
        Deliveries.GetChannelHistoryAsync(channel, limit, cancellationToken);

    public Task<IReadOnlyList<EditionDelivery>> GetEditionDeliveriesAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        Deliveries.GetEditionDeliveriesAsync(date, cancellationToken);

    public Task<PostedPaper?> FindPostedPaperAsync(string platform, string messageId, CancellationToken cancellationToken = default) =>
        Deliveries.FindPostedPaperAsync(platform, messageId, cancellationToken);

    public Task<IReadOnlyList<StoredSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        Deliveries.ListSubscriptionsAsync(cancellationToken);

    public Task SaveSubscriptionAsync(StoredSubscription subscription, CancellationToken cancellationToken = default) =>
        Deliveries.SaveSubscriptionAsync(subscription, cancellationToken);

    /// <summary>The delivery record and the subscriptions: not cached, since every copy of the bot decides on them.</summary>
    private protected abstract SqlDeliveryRecord Deliveries { get; }

    /// <summary>The archive version as the database has it now (or, if the provider throttles its checks, recently).</summary>
    private protected abstract ValueTask<long> ReadArchiveVersionAsync(long cachedVersion, CancellationToken ct);

    /// <summary>Writes the editions in one transaction and returns the archive version after it.</summary>
    private protected abstract Task<long> WriteEditionsAsync(IReadOnlyList<(Edition Edition, DigestSource Source)> items, CancellationToken ct);

    private protected abstract Task<IReadOnlyList<DateOnly>> LoadDatesNewestFirstAsync(CancellationToken ct);

    /// <summary>The edition with its papers in rank order, or null when the archive has no edition of that date.</summary>
    private protected abstract Task<Edition?> LoadEditionAsync(DateOnly date, CancellationToken ct);

    private protected abstract Task<IReadOnlyList<PaperKey>> QueryArxivIdAsync(string arxivId, CancellationToken ct);

    private protected abstract Task<IReadOnlyList<PaperKey>> QueryTitleAsync(SearchWords words, DateOnly? date, int limit, CancellationToken ct);

    private protected abstract Task<IReadOnlyList<PaperKey>> QuerySearchAsync(SearchWords words, int limit, CancellationToken ct);

    /// <summary>
    /// The snapshot for the archive as it is now. Another process's writes are looked for at most once per
    /// <see cref="ArchiveStoreOptions.ChangeCheckInterval"/>, so the hot path of every command costs no database
    /// round trip; this store's own writes are seen at once (<see cref="SnapshotHolder.Observe"/> after each write).
    /// </summary>
    private async ValueTask<ArchiveSnapshot> FreshSnapshotAsync(CancellationToken ct)
    {
        var current = _snapshots.Current;
        var now = Environment.TickCount64;
        var lastCheckedAt = Interlocked.Read(ref _lastChangeCheckAt);
        if (current.Version != SnapshotHolder.UnknownVersion && now - lastCheckedAt < (long)Options.ChangeCheckInterval.TotalMilliseconds)
            return current;
        // Claim this check first, so a burst of requests sends one query rather than one each.
        Interlocked.Exchange(ref _lastChangeCheckAt, now);
        var version = await ReadArchiveVersionAsync(current.Version, ct);
        return _snapshots.Observe(version);
    }

    /// <summary>The query's answer as of now: kept from an earlier identical query if the archive has not changed since.</summary>
    private async Task<T> AnswerAsync<T>(QueryKey key, Func<ArchiveSnapshot, Task<T>> query, CancellationToken ct)
        where T : class
    {
        var snapshot = await FreshSnapshotAsync(ct);
        if (snapshot.TryGetAnswer<T>(key, out var kept))
            return kept;
        var answer = await query(snapshot);
        snapshot.AddAnswer(key, answer, Options.QueryCacheEntries);
        return answer;
    }

    private async ValueTask<EditionDates> DatesAsync(ArchiveSnapshot snapshot, CancellationToken ct)
    {
        if (snapshot.Dates is { } cached)
            return cached;
        var dates = new EditionDates(await LoadDatesNewestFirstAsync(ct));
        snapshot.SetDates(dates);
        return dates;
    }

    private async ValueTask<Edition?> EditionAsync(ArchiveSnapshot snapshot, DateOnly date, CancellationToken ct)
    {
        if (snapshot.TryGetEdition(date, out var cached))
            return cached;
        var dates = await DatesAsync(snapshot, ct);
        if (!dates.Contains(date))
            return null;
        var loaded = await LoadEditionAsync(date, ct);
        return loaded is null ? null : snapshot.AddEdition(loaded);
    }

    private async ValueTask<Paper?> PaperAsync(ArchiveSnapshot snapshot, PaperKey key, CancellationToken ct)
    {
        var edition = await EditionAsync(snapshot, key.Date, ct);
        return edition?.PaperAtRank(key.Rank);
    }

    private async Task<IReadOnlyList<PaperRef>> ToPaperRefsAsync(ArchiveSnapshot snapshot, IReadOnlyList<PaperKey> keys, CancellationToken ct)
    {
        var refs = new List<PaperRef>(keys.Count);
        foreach (var key in keys)
        {
            if (await PaperAsync(snapshot, key, ct) is { } paper)
                refs.Add(new PaperRef(key.Date, paper));
        }
        return refs.AsReadOnly();
    }
}
