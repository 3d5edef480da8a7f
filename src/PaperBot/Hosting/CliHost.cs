using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Storage;

namespace PaperBot.Hosting;

/// <summary>
/// The services a one-shot verb needs, without the web server or the background services: settings
/// validated, the schema migrated. Logs go to standard error so that a verb's output stays clean.
/// </summary>
internal static class CliHost
{
    public static async Task<IHost> StartAsync(string[] hostArgs, bool withPlatforms, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(hostArgs);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPaperBotArchive(builder.Configuration);
        builder.Services.AddPaperBotDelivery(builder.Configuration);
        if (withPlatforms)
            builder.Services.AddPaperBotPlatforms(builder.Configuration);
        var host = builder.Build();
        host.Services.GetService<IStartupValidator>()?.Validate();
        await ArchiveMigrationService.MigrateAsync(
            host.Services.GetRequiredService<IArchiveStore>(), host.Services.GetRequiredService<IOptions<StorageOptions>>().Value, cancellationToken);
        return host;
    }
}
