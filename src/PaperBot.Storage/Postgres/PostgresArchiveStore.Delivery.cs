using System.Data;
using System.Data.Common;
using Npgsql;
using PaperBot.Storage.Delivery;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresArchiveStore
{
    private protected override SqlDeliveryRecord Deliveries { get; }

    /// <summary>
    /// PostgreSQL under the delivery record, at READ COMMITTED: each decision is one statement, its own transaction, whose
    /// conditions PostgreSQL re-checks on the latest row after waiting for a concurrent writer of it (<c>ON CONFLICT … DO
    /// UPDATE … WHERE</c>, <c>UPDATE … WHERE</c>), and a claim share-locks the delivery row so that a take-over waits until
    /// the claim commits.
    /// </summary>
    private sealed class PostgresDeliveryDatabase(NpgsqlDataSource dataSource) : DeliveryDatabase
    {
        public override ColumnReaders Columns => ColumnReaders.Native;

        public override async Task<(bool Leased, int? Attempts)> ClaimAsync(DbCommand claim, CancellationToken ct)
        {
            claim.CommandText = DeliverySql.ClaimItemPostgres;
            await using var reader = await claim.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return (reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetInt32(1));
        }

        public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

        public override Task<DbTransaction?> BeginDecisionAsync(DbConnection connection, CancellationToken ct) => Task.FromResult<DbTransaction?>(null);

        public override void AddDate(DbCommand command, string name, DateOnly date) => Add(command, name, DbType.Date, date);

        public override void AddInstant(DbCommand command, string name, DateTimeOffset? instant) =>
            Add(command, name, DbType.DateTimeOffset, instant?.ToUniversalTime());
    }
}
