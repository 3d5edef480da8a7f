using System.Data;
using System.Data.Common;
using PaperBot.Storage.Delivery;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Sqlite;

public sealed partial class SqliteArchiveStore
{
    private protected override SqlDeliveryRecord Deliveries { get; }

    /// <summary>
    /// SQLite under the delivery record. Every decision takes the database's write lock before it reads
    /// (<c>BEGIN IMMEDIATE</c>), so decisions are one at a time across every connection and process on the file; a
    /// second process waits for the lock (the connection's busy timeout, <see cref="SqliteConnectionSettings"/>) rather
    /// than failing. WAL lets readers carry on meanwhile.
    /// </summary>
    private sealed class SqliteDeliveryDatabase(SqliteArchiveStore store) : DeliveryDatabase
    {
        public override ColumnReaders Columns => SqliteValues.Columns;

        // Both statements run under the decision's write lock, so they answer about the same moment.
        public override async Task<(bool Leased, int? Attempts)> ClaimAsync(DbCommand claim, CancellationToken ct)
        {
            claim.CommandText = DeliverySql.ClaimItemSqlite;
            if (await claim.ExecuteScalarAsync(ct) is long attempts)
                return (true, (int)attempts);
            claim.CommandText = DeliverySql.IsLeased;
            return ((long)(await claim.ExecuteScalarAsync(ct))! > 0, null);
        }

        public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await store.OpenAsync(ct);

        public override Task<DbTransaction?> BeginDecisionAsync(DbConnection connection, CancellationToken ct) =>
            Task.FromResult<DbTransaction?>(((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: false));

        public override void AddDate(DbCommand command, string name, DateOnly date) => Add(command, name, DbType.String, SqliteValues.Date(date));

        public override void AddInstant(DbCommand command, string name, DateTimeOffset? instant) =>
            Add(command, name, DbType.String, instant is { } value ? SqliteValues.Instant(value) : null);
    }
}
