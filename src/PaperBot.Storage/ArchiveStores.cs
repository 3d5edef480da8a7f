using PaperBot.Storage.Postgres;
using PaperBot.Storage.Sqlite;

namespace PaperBot.Storage;

public static class ArchiveStores
{
    /// <summary>Opens the archive; call <see cref="IArchiveStore.MigrateAsync"/> before first use.</summary>
    /// <param name="connectionString">SQLite: <c>Data Source=data/paperbot.db</c>. PostgreSQL: an Npgsql connection string.</param>
    public static IArchiveStore Create(StorageProvider provider, string connectionString, ArchiveStoreOptions? options = null) => provider switch
    {
        StorageProvider.Sqlite => new SqliteArchiveStore(connectionString, options),
        StorageProvider.Postgres => new PostgresArchiveStore(connectionString, options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };
}
