namespace PaperBot.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
