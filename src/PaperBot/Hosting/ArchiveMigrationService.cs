using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Storage;

namespace PaperBot.Hosting;

/// <summary>Creates or migrates the archive's schema before the endpoints start answering.</summary>
internal sealed class ArchiveMigrationService(IArchiveStore store, IOptions<StorageOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(store, options.Value, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Migrates, and when the database cannot be reached says which setting to look at.</summary>
    public static async Task MigrateAsync(IArchiveStore store, StorageOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"the {options.Provider} archive could not be opened ({e.GetBaseException().Message}); check Storage:ConnectionString.", e);
        }
    }
}
