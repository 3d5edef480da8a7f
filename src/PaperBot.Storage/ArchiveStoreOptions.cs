namespace PaperBot.Storage;

/// <summary>Tuning that rarely needs changing.</summary>
public sealed record ArchiveStoreOptions
{
    /// <summary>
    /// How many answers of searches, title-word and arXiv-id queries are kept in memory until the archive
    /// next changes (0 turns this off). A search for a word found in most papers costs milliseconds to rank;
    /// asked again, it costs microseconds.
    /// </summary>
    public int QueryCacheEntries { get; init; } = 1024;

    /// <summary>How often, at most, to ask the database whether another process changed the archive (this process's own writes are seen at once).</summary>
    public TimeSpan ChangeCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
