using PaperBot.Storage;

namespace PaperBot.Hosting;

/// <summary>Creates or migrates the archive's schema before the endpoints start answering.</summary>
internal sealed class ArchiveMigrationService(IArchiveStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
