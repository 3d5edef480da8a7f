using Npgsql;
using PaperBot.Storage.Caching;
using PaperBot.Storage.Delivery;

namespace PaperBot.Storage.Postgres;

/// <summary>
/// The archive on a PostgreSQL server (pg_trgm is created by the migration; the database owner may do so).
/// Another instance's writes are noticed within <see cref="ArchiveStoreOptions.ChangeCheckInterval"/>; this instance's own at once.
/// </summary>
public sealed partial class PostgresArchiveStore : CachingArchiveStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresArchiveStore(string connectionString, ArchiveStoreOptions? options = null)
        : base(options)
    {
        // The slim builder: only the basic types the archive uses (text, integers, booleans, dates, timestamps), so the
        // native executable does not carry Npgsql's JSON, range, array and full-text mappings.
        _dataSource = new NpgsqlSlimDataSourceBuilder(connectionString).Build();
        Deliveries = new SqlDeliveryRecord(new PostgresDeliveryDatabase(_dataSource));
    }

    public override Task MigrateAsync(CancellationToken ct = default) => MigrateAsync(int.MaxValue, ct);

    /// <summary>Applies the migrations up to <paramref name="upToVersion"/> only: how tests make a database of an earlier version.</summary>
    internal async Task MigrateAsync(int upToVersion, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await LockAsync(connection, transaction, PostgresSchema.MigrationLockKey, ct);
        await using (var create = new NpgsqlCommand(PostgresSchema.CreateVersionTable, connection, transaction))
            await create.ExecuteNonQueryAsync(ct);
        int applied;
        await using (var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version;", connection, transaction))
            applied = (int)(await current.ExecuteScalarAsync(ct))!;
        foreach (var migration in PostgresSchema.Migrations.Where(m => m.Version > applied && m.Version <= upToVersion))
        {
            await using (var migrate = new NpgsqlCommand(migration.Sql, connection, transaction))
                await migrate.ExecuteNonQueryAsync(ct);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, applied_at) VALUES (@version, now());", connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            await record.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Waits for the transaction-scoped advisory lock <paramref name="key"/>; it is held until the transaction ends.</summary>
    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(ct);
    }

    private protected override async ValueTask<long> ReadArchiveVersionAsync(long cachedVersion, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand("SELECT version FROM archive_version WHERE id = 1;");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
