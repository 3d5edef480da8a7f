using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Storage.Tests.Delivery;
using Xunit;
using static PaperBot.Storage.Tests.TestEditions;

namespace PaperBot.Storage.Tests;

/// <summary>
/// What a database store must do beyond <see cref="ArchiveContract{TArchive}"/>: migrate (the old ledger included), and share
/// one database with another store as a second process would. Each test starts on an empty, migrated database.
/// </summary>
public abstract class ArchiveStoreContract : ArchiveContract<IArchiveStore>
{
    private readonly List<IArchiveStore> _opened = [];
    private string _connectionString = "";

    protected abstract StorageProvider Provider { get; }

    /// <summary>The test's database.</summary>
    protected string ConnectionString => _connectionString;

    protected override IDeliveryRecord Record => Store;

    protected override ISubscriptionStore Subscriptions => Store;

    /// <summary>A connection string for a new, empty database.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>A new database at the schema version before the delivery record, holding the old ledger's rows.</summary>
    protected abstract Task<(IArchiveStore Store, string ConnectionString)> OpenLegacyArchiveAsync(IReadOnlyList<LegacyDelivery> rows);

    protected abstract Task<bool> TableExistsAsync(string connectionString, string table);

    /// <summary>The connection string another process would use; by default the same.</summary>
    protected virtual string AnotherConnectionString(string connectionString) => connectionString;

    protected override async Task<IDeliveryRecord> OpenAnotherRecordAsync()
    {
        var store = ArchiveStores.Create(Provider, AnotherConnectionString(_connectionString));
        _opened.Add(store);
        await store.MigrateAsync();
        return store;
    }

    protected override async Task<IArchiveStore> CreateArchiveAsync()
    {
        _connectionString = await CreateDatabaseAsync();
        return await OpenAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in _opened)
            await store.DisposeAsync();
    }

    /// <summary>Another store on the same database, as a second process would have.</summary>
    protected async Task<IArchiveStore> OpenAsync()
    {
        var store = ArchiveStores.Create(Provider, _connectionString);
        _opened.Add(store);
        await store.MigrateAsync();
        return store;
    }

    [Fact]
    public async Task Migrating_again_keeps_the_archive()
    {
        await Store.StoreAsync(Korean(Day4), Source("a.md"));
        await Store.MigrateAsync();
        var reopened = await OpenAsync();

        AssertSameEdition(Korean(Day4), await reopened.GetEditionAsync(Day4));
    }

    [Fact]
    public async Task Source_hashes_are_kept_for_the_next_start()
    {
        await Store.StoreAsync(Korean(Day1), Source("digests/a.md", "sha-bbb"));

        var restarted = await OpenAsync();
        Assert.Equal("sha-bbb", await restarted.GetSourceHashAsync("digests/a.md"));
    }

    [Fact]
    public async Task A_second_store_on_the_same_database_sees_the_first_ones_writes()
    {
        var other = await OpenAsync();
        Assert.Null(await other.GetLatestAsync());
        Assert.Empty(await other.ListDatesAsync());
        Assert.Empty(await other.SearchAsync("replaced", 10));

        await Store.StoreAsync(Korean(Day1), Source("1.md"));
        await Eventually(async () => Assert.Equal(Day1, (await other.GetLatestAsync())?.Date));

        var replaced = English(Day1, Paper(1, "Replaced By The First Store"));
        await Store.StoreAsync(replaced, Source("1.md", "hash-2"));
        await Store.StoreAsync(Korean(Day2), Source("2.md"));
        await Eventually(async () =>
        {
            Assert.Equal([Day2, Day1], await other.ListDatesAsync());
            AssertSameEdition(replaced, await other.GetEditionAsync(Day1));
        });
        Assert.Equal("Replaced By The First Store", (await other.FindByTitleAsync("replaced", null, 5)).Single().Paper.Title);
        Assert.Equal("Replaced By The First Store", (await other.SearchAsync("replaced", 10)).Single().Paper.Title);

        await other.MarkItemSentAsync(new DeliveryKey("slack", "C1", Day2), ItemKey.Card(1), "ts1", "hash", DateTimeOffset.UnixEpoch);
        Assert.Single(await Store.GetItemsAsync(new DeliveryKey("slack", "C1", Day2)));
    }

    [Fact]
    public async Task Several_copies_storing_the_same_editions_at_once_all_succeed_and_keep_each_edition_once()
    {
        // Replicas started together each ingest the same digest folder: the same editions, the same files, at the same moment.
        var copies = new List<IArchiveStore> { Store };
        for (var i = 1; i < 4; i++)
            copies.Add(await OpenAsync());
        IReadOnlyList<(Edition, DigestSource)> batch = [(Korean(Day1), Source("1.md")), (Korean(Day2), Source("2.md")), (Korean(Day3), Source("3.md"))];

        for (var round = 0; round < 5; round++)
        {
            using var start = new Barrier(copies.Count);
            await Task.WhenAll(copies.Select(copy => Task.Run(async () =>
            {
                start.SignalAndWait();
                await copy.StoreManyAsync(batch);
            })));
        }

        foreach (var copy in copies)
        {
            await Eventually(async () => Assert.Equal([Day3, Day2, Day1], await copy.ListDatesAsync()));
            AssertSameEdition(Korean(Day2), await copy.GetEditionAsync(Day2));
        }
        // No paper twice: one hit a day for a word of paper 1.
        Assert.Equal([Day1, Day2, Day3], (await Store.SearchAsync("EAFT", 100)).Select(hit => hit.Date).Order());
        Assert.Equal("hash-1", await copies[^1].GetSourceHashAsync("3.md"));
    }

    [Fact]
    public async Task The_old_ledger_becomes_delivered_editions_of_unknown_content_and_is_dropped()
    {
        var posted = new DateTimeOffset(2025, 12, 30, 9, 0, 0, TimeSpan.Zero);
        var day = new DateOnly(2025, 12, 30);
        var (store, connectionString) = await OpenLegacyArchiveAsync(
        [
            new("discord", "111", day, 0, "d-header", null, posted),
            new("discord", "111", day, 1, "d-card-1", "d-card-1", posted.AddSeconds(1)),
            new("discord", "111", day, 2, "d-card-2", null, posted.AddSeconds(2)),
            new("slack", "C01", day, 0, "s-header", null, posted.AddSeconds(5)),
            new("slack", "C01", day, 1, "s-card-1", "s-card-1", posted.AddSeconds(6)),
            new("discord", "111", day.AddDays(1), 1, "d-next", null, posted.AddDays(1)),
        ]);
        _opened.Add(store);

        await store.MigrateAsync();

        var discord = new DeliveryKey("discord", "111", day);
        Assert.Equal(
            [
                new EditionDelivery(discord with { Date = day.AddDays(1) }, DeliveryState.Delivered, null, null, 1, null, false, null,
                    EditionDelivery.LegacyFingerprint, 1, posted.AddDays(1), posted.AddDays(1)),
                new EditionDelivery(discord, DeliveryState.Delivered, null, null, 1, null, false, null,
                    EditionDelivery.LegacyFingerprint, 4, posted, posted.AddSeconds(2)),
            ],
            await store.GetChannelHistoryAsync(discord.ChannelRef, 10));
        Assert.Equal(
        [
            new ItemRecord(ItemKey.Header, ItemState.Sent, "d-header", null, 1, null, posted),
            new ItemRecord(ItemKey.Card(1), ItemState.Sent, "d-card-1", null, 1, null, posted.AddSeconds(1)),
            new ItemRecord(ItemKey.Thread(1), ItemState.Sent, "d-card-1", null, 1, null, posted.AddSeconds(1)),
            new ItemRecord(ItemKey.Card(2), ItemState.Sent, "d-card-2", null, 1, null, posted.AddSeconds(2)),
        ], await store.GetItemsAsync(discord));

        var slack = new DeliveryKey("slack", "C01", day);
        var slackDelivery = Assert.Single(await store.GetEditionDeliveriesAsync(day), d => d.Key == slack);
        Assert.Equal((DeliveryState.Delivered, 2, posted.AddSeconds(5), (DateTimeOffset?)posted.AddSeconds(6)),
            (slackDelivery.State, slackDelivery.ItemsSent, slackDelivery.StartedAt, slackDelivery.FinishedAt));
        Assert.Equal([ItemKey.Header, ItemKey.Card(1)], (await store.GetItemsAsync(slack)).Select(i => i.Item));

        Assert.Equal(new PostedPaper("discord", "111", day, 1), await store.FindPostedPaperAsync("discord", "d-card-1"));
        Assert.Equal(new PostedPaper("slack", "C01", day, 1), await store.FindPostedPaperAsync("slack", "s-card-1"));
        Assert.Null(await store.FindPostedPaperAsync("discord", "d-header"));
        Assert.False(await TableExistsAsync(connectionString, "deliveries"));

        // Delivered already: a later attempt finds every recorded item sent.
        var later = posted.AddDays(3);
        Assert.NotNull(await store.TryLeaseAsync(discord, "sender", "fp", later, later.AddSeconds(30)));
        Assert.IsType<ItemClaim.AlreadySent>(await store.ClaimItemAsync(discord, ItemKey.Thread(1), "sender", later));
    }

    private static async Task Eventually(Func<Task> assertion)
    {
        // A store notices another process's writes within about a second (PostgreSQL checks at most once a second).
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}

/// <summary>A row of the old ledger (<c>deliveries</c>): one per paper, rank 0 for the header.</summary>
public sealed record LegacyDelivery(string Platform, string Channel, DateOnly Date, int Rank, string MessageId, string? ThreadId, DateTimeOffset PostedAt);
