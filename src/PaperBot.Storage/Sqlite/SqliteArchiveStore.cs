using System.Globalization;
using Microsoft.Data.Sqlite;
using PaperBot.Storage.Delivery;

namespace PaperBot.Storage.Sqlite;

/// <summary>
/// The embedded archive: one SQLite file (its folder is created if missing) in WAL mode, with pooled connections.
/// </summary>
public sealed partial class SqliteArchiveStore : CachingArchiveStore
{
    private readonly string _connectionString;
    private readonly SqliteVersionProbe _versionProbe;

    /// <param name="connectionString">For example <c>Data Source=data/paperbot.db</c>.</param>
    public SqliteArchiveStore(string connectionString, ArchiveStoreOptions? options = null)
        : base(options)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            ForeignKeys = true,
        };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new ArgumentException("The SQLite connection string names no database file (Data Source=...).", nameof(connectionString));
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        _connectionString = builder.ToString();
        DatabasePath = builder.DataSource;
        _versionProbe = new SqliteVersionProbe(_connectionString);
        Deliveries = new SqlDeliveryRecord(new SqliteDeliveryDatabase(this));
    }

    /// <summary>The database file's full path.</summary>
    public string DatabasePath { get; }

    public override Task MigrateAsync(CancellationToken ct = default) => MigrateAsync(int.MaxValue, ct);

    /// <summary>Applies the migrations up to <paramref name="upToVersion"/> only: how tests make a database of an earlier version.</summary>
    internal async Task MigrateAsync(int upToVersion, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, transaction, SqliteSchema.CreateVersionTable, ct);
        await using var current = connection.CreateCommand();
        current.Transaction = transaction;
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
        var applied = Convert.ToInt32(await current.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        foreach (var migration in SqliteSchema.Migrations.Where(m => m.Version > applied && m.Version <= upToVersion))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, ct);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $appliedAt);";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$appliedAt", SqliteValues.Instant(DateTimeOffset.UtcNow));
            await record.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        RememberOpenedFile();
    }

    public override ValueTask DisposeAsync()
    {
        _versionProbe.Dispose();
        // Release the file: pooled connections would otherwise keep it open after the store is gone.
        using (var connection = new SqliteConnection(_connectionString))
            SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private protected override ValueTask<long> ReadArchiveVersionAsync(long cachedVersion, CancellationToken ct) =>
        ValueTask.FromResult(_versionProbe.ReadArchiveVersion());

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, null, SqliteConnectionSettings.Pragmas, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
