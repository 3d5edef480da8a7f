using Microsoft.Data.Sqlite;

namespace PaperBot.Storage.Sqlite;

/// <summary>
/// Tells cheaply whether anyone (this process or another) changed the archive. <c>PRAGMA data_version</c>
/// changes only when another connection commits, and only within one connection, so the probe keeps its own;
/// only when it changed is the archive version row read (so delivery-record writes do not empty the cache).
/// </summary>
internal sealed class SqliteVersionProbe(string connectionString) : IDisposable
{
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _dataVersion;
    private SqliteCommand? _archiveVersion;
    private long _lastDataVersion = -1;
    private long _lastArchiveVersion;

    public long ReadArchiveVersion()
    {
        lock (_lock)
        {
            EnsureOpen();
            var dataVersion = (long)_dataVersion!.ExecuteScalar()!;
            if (dataVersion != _lastDataVersion)
            {
                _lastArchiveVersion = (long)_archiveVersion!.ExecuteScalar()!;
                _lastDataVersion = dataVersion;
            }
            return _lastArchiveVersion;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _dataVersion?.Dispose();
            _archiveVersion?.Dispose();
            _connection?.Dispose();
            _connection = null;
        }
    }

    private void EnsureOpen()
    {
        if (_connection is not null)
            return;
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var settings = connection.CreateCommand())
        {
            settings.CommandText = SqliteConnectionSettings.Pragmas;
            settings.ExecuteNonQuery();
        }
        _dataVersion = connection.CreateCommand();
        _dataVersion.CommandText = "PRAGMA data_version;";
        _archiveVersion = connection.CreateCommand();
        _archiveVersion.CommandText = "SELECT version FROM archive_version WHERE id = 1;";
        _connection = connection;
    }
}
