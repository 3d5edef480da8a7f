using BenchmarkDotNet.Attributes;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Benchmarks;

/// <summary>
/// The delivery record's own cost (issue 8): what it takes to claim an item and record it sent, on a real SQLite file
/// (WAL, synchronous=NORMAL, as the bot runs it) and on a local PostgreSQL 15 server started as the store tests start one
/// (unix socket; fsync off, so the figure is the record's work rather than the disk's). One operation is one item; each
/// invocation delivers one edition's 21 items (header, then five papers' card, thread and two replies) to channels not
/// delivered before: lease, claim and mark sent per item, finish. Without the PostgreSQL binaries that case is left out.
/// </summary>
[MemoryDiagnoser]
public class DeliveryRecordBenchmarks
{
    private const int ItemsPerEdition = 21;
    private const int ChannelsAtOnce = 8;

    private static readonly ItemKey[] Items =
    [
        ItemKey.Header,
        .. Enumerable.Range(1, 5).SelectMany(rank => new[] { ItemKey.Card(rank), ItemKey.Thread(rank), ItemKey.Reply(rank, 0), ItemKey.Reply(rank, 1) }),
    ];

    private static readonly DateOnly Date = new(2026, 1, 8);

    private PostgresServer? _server;
    private IArchiveStore _store = null!;
    private string _databaseFile = "";
    private int _channel;

    [ParamsSource(nameof(Databases))]
    public StorageProvider Database { get; set; }

    public static IEnumerable<StorageProvider> Databases()
    {
        yield return StorageProvider.Sqlite;
        if (File.Exists(Path.Combine(PostgresServer.BinDirectory, "initdb")))
            yield return StorageProvider.Postgres;
        else
            Console.WriteLine($"PostgreSQL 15 server binaries not found in {PostgresServer.BinDirectory}: the PostgreSQL benchmark is skipped.");
    }

    [GlobalSetup]
    public async Task OpenStore()
    {
        if (Items.Length != ItemsPerEdition)
            throw new InvalidOperationException($"An edition has {Items.Length} items, not {ItemsPerEdition}.");
        string connectionString;
        if (Database == StorageProvider.Postgres)
        {
            _server = new PostgresServer();
            await _server.InitializeAsync();
            connectionString = await _server.CreateDatabaseAsync("bench");
        }
        else
        {
            _databaseFile = ArchiveCorpus.NewDatabaseFile();
            connectionString = $"Data Source={_databaseFile}";
        }
        _store = ArchiveStores.Create(Database, connectionString);
        await _store.MigrateAsync();
    }

    [GlobalCleanup]
    public async Task CloseStore()
    {
        await _store.DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
        else
            ArchiveCorpus.DeleteDatabase(_databaseFile);
    }

    /// <summary>One channel at a time: the latency of the record per item.</summary>
    [Benchmark(OperationsPerInvoke = ItemsPerEdition)]
    public Task OneChannel() => DeliverAsync(_store, Interlocked.Increment(ref _channel));

    /// <summary>Eight channels at once, as the fan-out delivers them: the record's throughput per item.</summary>
    [Benchmark(OperationsPerInvoke = ItemsPerEdition * ChannelsAtOnce)]
    public Task EightChannelsAtOnce() =>
        Task.WhenAll(Enumerable.Range(0, ChannelsAtOnce).Select(_ => Task.Run(() => DeliverAsync(_store, Interlocked.Increment(ref _channel)))));

    private static async Task DeliverAsync(IDeliveryRecord record, int channel)
    {
        var key = new DeliveryKey("discord", "channel-" + channel, Date);
        const string sender = "bench-sender";
        var now = DateTimeOffset.UtcNow;
        if (await record.TryLeaseAsync(key, sender, "fingerprint", now, now.AddMinutes(1)) is null)
            throw new InvalidOperationException($"{key} was leased already.");
        foreach (var item in Items)
        {
            if (await record.ClaimItemAsync(key, item, sender, now) is not ItemClaim.Granted { PreviouslyAttempted: false })
                throw new InvalidOperationException($"{item} of {key} was not granted.");
            await record.MarkItemSentAsync(key, item, "message-" + item.Id, "hash", now);
        }
        await record.FinishAsync(key, sender, DeliveryFinish.Delivered("fingerprint", ItemsPerEdition), now);
    }
}
