using PaperBot.Core.Ports;

namespace PaperBot.Storage;

/// <summary>The archive: editions and their queries, the ingest side, the delivery record and the subscriptions, in one database.</summary>
public interface IArchiveStore : IEditionArchive, IArchiveWriter, IDeliveryRecord, ISubscriptionStore, IAsyncDisposable
{
    /// <summary>Creates the schema or brings it up to date. Safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken ct = default);

    /// <summary>A cheap look at the database for readiness: does it answer, and is it still the one opened.</summary>
    Task<StoreProbe> ProbeAsync(CancellationToken ct = default);
}
