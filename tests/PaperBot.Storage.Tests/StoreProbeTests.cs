using PaperBot.Testing;
using Xunit;

namespace PaperBot.Storage.Tests;

/// <summary>The readiness probe of each store: it answers on a working database and says what is wrong otherwise.</summary>
public sealed class StoreProbeTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-probe-" + Guid.NewGuid().ToString("N"));

    private string DatabaseFile => Path.Combine(_folder, "archive.db");

    [Fact]
    public async Task A_migrated_sqlite_file_answers()
    {
        await using var store = await OpenSqliteAsync();

        var probe = await store.ProbeAsync();

        Assert.True(probe.Answers, probe.Detail);
        Assert.Contains("archive.db", probe.Detail);
    }

    [Fact]
    public async Task A_sqlite_file_deleted_after_it_was_opened_fails_without_being_created_again()
    {
        await using var store = await OpenSqliteAsync();
        await store.StoreAsync(TestEditions.Korean(TestEditions.Day1), TestEditions.Source("1.md"));

        File.Delete(DatabaseFile);
        var probe = await store.ProbeAsync();

        Assert.False(probe.Answers);
        Assert.Contains("archive.db is gone", probe.Detail);
        Assert.DoesNotContain(_folder, probe.Detail);
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact] // the file's identity is read on Linux, where the bot runs
    public async Task Another_file_at_the_sqlite_path_fails_as_replaced()
    {
        await using var store = await OpenSqliteAsync();

        File.Delete(DatabaseFile);
        await File.WriteAllBytesAsync(DatabaseFile, []);
        var probe = await store.ProbeAsync();

        Assert.False(probe.Answers);
        Assert.Contains("replaced", probe.Detail);
    }

    [Fact]
    public async Task A_postgres_database_answers_and_an_unreachable_server_fails()
    {
        await using (var store = ArchiveStores.Create(StorageProvider.Postgres, await server.CreateDatabaseAsync()))
        {
            await store.MigrateAsync();
            Assert.True((await store.ProbeAsync()).Answers);
        }

        await using var unreachable = ArchiveStores.Create(StorageProvider.Postgres, "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");
        var probe = await unreachable.ProbeAsync();

        Assert.False(probe.Answers);
        Assert.StartsWith("the PostgreSQL server does not answer", probe.Detail);
    }

    private async Task<IArchiveStore> OpenSqliteAsync()
    {
        var store = ArchiveStores.Create(StorageProvider.Sqlite, $"Data Source={DatabaseFile}");
        await store.MigrateAsync();
        return store;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
