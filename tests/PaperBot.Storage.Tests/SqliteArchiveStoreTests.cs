using Microsoft.Data.Sqlite;
using Xunit;

namespace PaperBot.Storage.Tests;

/// <summary>The contract on a real SQLite file in a folder that does not exist yet.</summary>
public sealed class SqliteArchiveStoreTests : ArchiveStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paperbot-sqlite-" + Guid.NewGuid().ToString("N"));

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    private string DatabaseFile => Path.Combine(_folder, "data", "archive.db");

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={DatabaseFile}");

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
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                {Sqlite.SqliteSchema.CreateVersionTable}
                {Sqlite.SqliteSchema.Migrations[0].Sql}
                INSERT INTO schema_version (version, applied_at) VALUES (1, '2026-01-01T00:00:00.0000000Z');
                INSERT INTO editions VALUES ('2026-01-08', 'a.md', 'h', '2026-01-08T00:00:00.0000000Z');
                INSERT INTO papers (id, date, rank, title, url, summary, abstract, key_points, figures, extra_sections)
                    VALUES (1, '2026-01-08', 1, 'Paper From An Old Archive', 'https://example.org', '요약', '초록', '[]', '[]', '[]');
                INSERT INTO papers_fts (rowid, title, summary, abstract, key_points) VALUES (1, 'Paper From An Old Archive', '요약', '초록', '');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var store = new Sqlite.SqliteArchiveStore($"Data Source={file}");
        await store.MigrateAsync();

        Assert.Equal("Paper From An Old Archive", (await store.FindByTitleAsync("old archive", null, 5)).Single().Paper.Title);
        Assert.Equal(1, (await store.GetLatestAsync())!.Papers.Single().Rank);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
