using PaperBot.Testing;
using Xunit;

namespace PaperBot.Storage.Tests;

/// <summary>The contract on a real PostgreSQL 15 server started for this class; each test gets its own database.</summary>
public sealed class PostgresArchiveStoreTests(PostgresServer server) : ArchiveStoreContract, IClassFixture<PostgresServer>
{
    protected override StorageProvider Provider => StorageProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync();
}
