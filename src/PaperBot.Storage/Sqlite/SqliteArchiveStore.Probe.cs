using Microsoft.Data.Sqlite;
using PaperBot.Core.Files;

namespace PaperBot.Storage.Sqlite;

public sealed partial class SqliteArchiveStore
{
    // Pooled connections keep writing into a deleted file, and a new connection would create an empty one at the
    // path: so the file is looked at by name (still there, still the same file) before the database is asked anything.
    private FileIdentity? _openedFile;

    private bool IsFile => DatabasePath != ":memory:" && !_connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase);

    public override async Task<StoreProbe> ProbeAsync(CancellationToken ct = default)
    {
        var name = Path.GetFileName(DatabasePath);
        if (IsFile)
        {
            if (!File.Exists(DatabasePath))
                return StoreProbe.Failed(
                    $"the SQLite database file {name} is gone (deleted or moved while the bot runs): what is stored now would be lost; put it back and restart PaperBot");
            if (_openedFile is { } opened && FileProbe.Probe(DatabasePath).Identity is { } current && current != opened)
                return StoreProbe.Failed(
                    $"the SQLite database file {name} was replaced by another file while the bot runs; restart PaperBot to use the new one");
        }
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM schema_version;";
            await command.ExecuteScalarAsync(ct);
            return StoreProbe.Ok($"SQLite {name} answers");
        }
        catch (SqliteException e)
        {
            return StoreProbe.Failed($"the SQLite database {name} does not answer: {e.Message}");
        }
    }

    private void RememberOpenedFile()
    {
        if (IsFile)
            _openedFile = FileProbe.Probe(DatabasePath).Identity;
    }
}
