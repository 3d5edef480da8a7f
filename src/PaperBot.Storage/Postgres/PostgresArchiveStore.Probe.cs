using Npgsql;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresArchiveStore
{
    public override async Task<StoreProbe> ProbeAsync(CancellationToken ct = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT count(*) FROM schema_version;");
            await command.ExecuteScalarAsync(ct);
            return StoreProbe.Ok("PostgreSQL answers");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return StoreProbe.Failed($"the PostgreSQL server does not answer: {e.Message}");
        }
    }
}
