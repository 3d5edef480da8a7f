using PaperBot.Storage;

namespace PaperBot.Configuration;

/// <summary>The archive's database. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string DefaultSqliteConnectionString = "Data Source=data/paperbot.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>For SQLite defaults to a file under <c>data/</c>; PostgreSQL needs one given.</summary>
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && Provider == StorageProvider.Sqlite ? DefaultSqliteConnectionString : ConnectionString ?? "";
}
