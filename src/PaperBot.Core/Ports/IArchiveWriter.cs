using PaperBot.Core.Domain;

namespace PaperBot.Core.Ports;

/// <summary>Write side of the archive, used by ingest.</summary>
public interface IArchiveWriter
{
    /// <summary>The content hash recorded when the file at <paramref name="path"/> was last ingested, if ever.</summary>
    Task<string?> GetSourceHashAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Stores the edition, replacing whatever the archive held for its date, and records its source.</summary>
    Task StoreAsync(Edition edition, DigestSource source, CancellationToken cancellationToken = default);

    /// <summary>Stores many editions in one transaction (bulk ingest); a later item for the same date wins.</summary>
    Task StoreManyAsync(IReadOnlyList<(Edition Edition, DigestSource Source)> items, CancellationToken cancellationToken = default);
}
