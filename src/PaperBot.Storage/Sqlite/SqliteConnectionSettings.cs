namespace PaperBot.Storage.Sqlite;

internal static class SqliteConnectionSettings
{
    /// <summary>
    /// Per-connection settings, run on every open (a no-op cost on a pooled connection). WAL makes
    /// NORMAL durable enough (a power cut can lose the last commits, never corrupt the file);
    /// the busy timeout lets a second process wait for a writer instead of failing.
    /// </summary>
    public const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
}
