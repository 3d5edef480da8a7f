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

    [Fact]
    public async Task A_claim_waits_for_a_take_over_in_flight_and_then_finds_its_lease_lost()
    {
        var key = new Core.Delivery.DeliveryKey("discord", "fenced", Day);
        await Store.TryLeaseAsync(key, "a", "fp", T0, T0 + Lease);
        await using var other = new NpgsqlConnection(ConnectionString);
        await other.OpenAsync();
        await using var takeOver = await other.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand(
            "UPDATE edition_deliveries SET owner = 'b', lease_until = @until, attempts = attempts + 1 WHERE channel = 'fenced';", other, takeOver))
        {
            update.Parameters.AddWithValue("until", (T0 + Lease + Lease).UtcDateTime);
            await update.ExecuteNonQueryAsync();
        }

        // "a" still holds the lease by the committed row and by its own clock; the claim must wait for the take-over.
        var claim = Store.ClaimItemAsync(key, Core.Delivery.ItemKey.Card(1), "a", T0.AddSeconds(10));
        await WaitForABackendWaitingOnALockAsync();
        Assert.False(claim.IsCompleted);
        await takeOver.CommitAsync();

        Assert.IsType<Core.Ports.ItemClaim.LeaseLost>(await claim);
        Assert.Empty(await Store.GetItemsAsync(key));
    }

    private async Task WaitForABackendWaitingOnALockAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock';", connection);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No claim came to wait for the delivery row's lock.");
            await Task.Delay(20);
        }
    }

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
