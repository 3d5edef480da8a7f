using PaperBot.Core.Hosting;
using PaperBot.Ingest;

namespace PaperBot.Hosting;

/// <summary>
/// Once the first ingest is in, one full, compacting collection hands back to the system what starting took
/// (configuration, the composition of the services, parsing every digest) and what the bot will not need again.
/// The bot then runs for months on what it uses, not on its start's high-water mark.
/// </summary>
internal sealed class StartupMemoryRelease(IngestStatus ingest) : StoppableService
{
    protected override async Task RunUntilStoppedAsync(CancellationToken stoppingToken)
    {
        await ingest.InitialPassCompleted.WaitAsync(stoppingToken);
        // Aggressive: decommits the free space too, which a normal collection keeps for allocations to come.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
