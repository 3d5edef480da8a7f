namespace PaperBot.Storage.Caching;

/// <summary>The current snapshot, replaced whenever the archive version seen in the database changes.</summary>
internal sealed class SnapshotHolder
{
    /// <summary>The version of the snapshot before anything was read.</summary>
    public const long UnknownVersion = long.MinValue;

    private ArchiveSnapshot _current = new(UnknownVersion);

    public ArchiveSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The snapshot for <paramref name="version"/>: the current one if it matches, else a fresh empty one.</summary>
    public ArchiveSnapshot Observe(long version)
    {
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (current.Version == version)
                return current;
            var fresh = new ArchiveSnapshot(version);
            if (Interlocked.CompareExchange(ref _current, fresh, current) == current)
                return fresh;
        }
    }
}
