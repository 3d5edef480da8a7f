using PaperBot.Core.Domain;
using Xunit;
using static PaperBot.Storage.Tests.TestEditions;

namespace PaperBot.Storage.Tests;

/// <summary>
/// What a database store must do beyond <see cref="ArchiveContract{TArchive}"/>: migrate, and share one database
/// with another store as a second process would. Each test starts on an empty, migrated database.
/// </summary>
public abstract class ArchiveStoreContract : ArchiveContract<IArchiveStore>
{
    private readonly List<IArchiveStore> _opened = [];
    private string _connectionString = "";

    protected abstract StorageProvider Provider { get; }

    /// <summary>A connection string for a new, empty database.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

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

        await other.RecordAsync(new Delivery("slack", "C1", Day2, 1, "ts1", null, DateTimeOffset.UnixEpoch));
        Assert.Single(await Store.GetDeliveriesAsync("slack", "C1", Day2));
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
