using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PaperBot.Storage.Sqlite;
using PaperBot.Storage.Tests.Delivery;
using Xunit;

namespace PaperBot.Storage.Tests;

/// <summary>The contract on a real SQLite file in a folder that does not exist yet.</summary>
public sealed class SqliteArchiveStoreTests : ArchiveStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-sqlite-" + Guid.NewGuid().ToString("N"));

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    private string DatabaseFile => Path.Combine(_folder, "data", "archive.db");

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={DatabaseFile}");

    // Another connection string is another connection pool, as another process has.
    protected override string AnotherConnectionString(string connectionString) => connectionString + ";Default Timeout=31";

    protected override async Task<(IArchiveStore Store, string ConnectionString)> OpenLegacyArchiveAsync(IReadOnlyList<LegacyDelivery> rows)
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "legacy", "archive.db")}";
        var store = new SqliteArchiveStore(connectionString);
        await store.MigrateAsync(upToVersion: 2);
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        foreach (var row in rows)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO deliveries (platform, channel, date, rank, message_id, thread_id, posted_at)
                VALUES ($platform, $channel, $date, $rank, $messageId, $threadId, $postedAt);
                """;
            insert.Parameters.AddWithValue("$platform", row.Platform);
            insert.Parameters.AddWithValue("$channel", row.Channel);
            insert.Parameters.AddWithValue("$date", SqliteValues.Date(row.Date));
            insert.Parameters.AddWithValue("$rank", row.Rank);
            insert.Parameters.AddWithValue("$messageId", row.MessageId);
            insert.Parameters.AddWithValue("$threadId", SqliteValues.OrNull(row.ThreadId));
            insert.Parameters.AddWithValue("$postedAt", SqliteValues.Instant(row.PostedAt));
            await insert.ExecuteNonQueryAsync();
        }
        return (store, connectionString);
    }

    protected override async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $table;";
        command.Parameters.AddWithValue("$table", table);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    [Fact]
    public async Task A_decision_takes_the_write_lock_before_it_reads_so_another_writer_waits_for_it()
    {
        // What the delivery record's decisions begin with: BEGIN IMMEDIATE, not a deferred BEGIN that would read first
        // and could then find the file changed under it.
        await using var holder = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await holder.OpenAsync();
        await using var transaction = holder.BeginTransaction(deferred: false);

        await using var other = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False;Default Timeout=1");
        await other.OpenAsync();
        await using var write = other.CreateCommand();
        write.CommandText = "PRAGMA busy_timeout = 0;";
        await write.ExecuteNonQueryAsync();
        write.CommandText = "BEGIN IMMEDIATE;";
        var busy = await Assert.ThrowsAsync<SqliteException>(() => write.ExecuteNonQueryAsync());
        Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY

        transaction.Rollback();
        await write.ExecuteNonQueryAsync();
        write.CommandText = "ROLLBACK;";
        await write.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Two_processes_on_one_file_lease_each_delivery_and_are_granted_each_item_exactly_once()
    {
        const int rounds = 300;
        var senders = new[] { "process-a", "process-b" }.Select(name => RaceProcess.Start(DatabaseFile, name, rounds)).ToList();
        try
        {
            // Both are started (and have opened the database) before either races.
            foreach (var sender in senders)
                Assert.Equal(RaceProcess.Ready, await sender.StandardOutput.ReadLineAsync());
            foreach (var sender in senders)
                await sender.StandardInput.WriteLineAsync(RaceProcess.Go);

            var outcomes = new List<ClaimRace.Outcome>();
            foreach (var sender in senders)
            {
                var output = await sender.StandardOutput.ReadToEndAsync();
                var errors = await sender.StandardError.ReadToEndAsync();
                await sender.WaitForExitAsync();
                Assert.True(sender.ExitCode == 0, $"The racing process failed ({sender.ExitCode}):\n{errors}");
                outcomes.AddRange(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ClaimRace.Outcome.Parse));
            }
            ClaimRace.AssertExactlyOnce(outcomes, rounds, senders.Count);
        }
        finally
        {
            foreach (var sender in senders)
            {
                if (!sender.HasExited)
                    sender.Kill();
                sender.Dispose();
            }
        }
    }

    [Fact]
    public async Task The_database_file_and_its_folder_are_created_in_wal_mode()
    {
        await Store.StoreAsync(TestEditions.Korean(TestEditions.Day1), TestEditions.Source("1.md"));

        Assert.True(File.Exists(DatabaseFile));
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_archive_made_by_the_first_schema_version_is_upgraded_with_its_papers_still_found()
    {
        var file = Path.Combine(_folder, "old", "archive.db");
        await using (var first = new SqliteArchiveStore($"Data Source={file}"))
            await first.MigrateAsync(upToVersion: 1);
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO editions VALUES ('2026-01-08', 'a.md', 'h', '2026-01-08T00:00:00.0000000Z');
                INSERT INTO papers (id, date, rank, title, url, summary, abstract, key_points, figures, extra_sections)
                    VALUES (1, '2026-01-08', 1, 'Paper From An Old Archive', 'https://example.org', '요약', '초록', '[]', '[]', '[]');
                INSERT INTO papers_fts (rowid, title, summary, abstract, key_points) VALUES (1, 'Paper From An Old Archive', '요약', '초록', '');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var store = new SqliteArchiveStore($"Data Source={file}");
        await store.MigrateAsync();

        Assert.Equal("Paper From An Old Archive", (await store.FindByTitleAsync("old archive", null, 5)).Single().Paper.Title);
        Assert.Equal(1, (await store.GetLatestAsync())!.Papers.Single().Rank);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
