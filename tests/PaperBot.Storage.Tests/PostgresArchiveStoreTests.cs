using Npgsql;
using PaperBot.Testing;
using Xunit;

namespace PaperBot.Storage.Tests;

/// <summary>The contract on a real PostgreSQL 15 server started for this class; each test gets its own database.</summary>
public sealed class PostgresArchiveStoreTests(PostgresServer server) : ArchiveStoreContract, IClassFixture<PostgresServer>
{
    protected override StorageProvider Provider => StorageProvider.Postgres;

    /// <summary>Several copies of the bot on one server, each with its own connection pool.</summary>
    protected override int Racers => 8;

    protected override int RaceRounds => 200;

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync();

    protected override async Task<(IArchiveStore Store, string ConnectionString)> OpenLegacyArchiveAsync(IReadOnlyList<LegacyDelivery> rows)
    {
        var connectionString = await server.CreateDatabaseAsync();
        var store = new Postgres.PostgresArchiveStore(connectionString);
        await store.MigrateAsync(upToVersion: 1);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var row in rows)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO deliveries (platform, channel, date, rank, message_id, thread_id, posted_at)
                VALUES (@platform, @channel, @date, @rank, @messageId, @threadId, @postedAt);
                """, connection);
            insert.Parameters.AddWithValue("platform", row.Platform);
            insert.Parameters.AddWithValue("channel", row.Channel);
            insert.Parameters.AddWithValue("date", row.Date);
            insert.Parameters.AddWithValue("rank", row.Rank);
            insert.Parameters.AddWithValue("messageId", row.MessageId);
            insert.Parameters.AddWithValue("threadId", (object?)row.ThreadId ?? DBNull.Value);
            insert.Parameters.AddWithValue("postedAt", row.PostedAt.ToUniversalTime());
            await insert.ExecuteNonQueryAsync();
        }
        return (store, connectionString);
    }

    protected override async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL;", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
