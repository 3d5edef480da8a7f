using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Core.Ingest;
using PaperBot.Core.Observability;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Core.Rendering;
using PaperBot.Digest;
using PaperBot.Ingest;
using PaperBot.Storage;

namespace PaperBot.Hosting;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>The archive, its queries, ingest and posting: everything but the platforms and the web endpoints.</summary>
    public static IServiceCollection AddPaperBotArchive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestsOptions>().Bind(configuration.GetSection(DigestsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestsOptions>, DigestsOptionsValidator>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton(sp => ArchiveLinks.Parse(sp.GetRequiredService<IOptions<WebOptions>>().Value.PublicUrl).Value);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PaperBotMetrics>();
        services.AddSingleton<IArchiveStore>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return ArchiveStores.Create(storage.Provider, storage.EffectiveConnectionString);
        });
        services.AddSingleton<IEditionArchive>(sp => sp.GetRequiredService<IArchiveStore>());
        services.AddSingleton<IArchiveWriter>(sp => sp.GetRequiredService<IArchiveStore>());
        services.AddSingleton<IDeliveryRecord>(sp => sp.GetRequiredService<IArchiveStore>());
        services.AddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<IArchiveStore>());

        services.AddSingleton<IDigestParser, MarkdigDigestParser>();
        services.AddSingleton(sp => new DigestIngestor(
            sp.GetRequiredService<IDigestParser>(), sp.GetRequiredService<IArchiveWriter>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DigestsOptions>>().Value.MaxFileBytes));
        services.AddSingleton<PapersService>();
        return services;
    }

    /// <summary>What the long-running bot adds: the schema migrated before anything listens, then ingest and the folder watch.</summary>
    public static IServiceCollection AddPaperBotBackgroundIngest(this IServiceCollection services)
    {
        services.AddSingleton<IngestStatus>();
        services.AddHostedService<ArchiveMigrationService>();
        services.AddHostedService<DigestIngestService>();
        services.AddHostedService<StartupMemoryRelease>();
        return services;
    }
}
