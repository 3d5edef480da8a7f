using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PaperBot.Web;
using PaperBot.Web.Preview;

namespace PaperBot.Hosting;

/// <summary>The long-running bot: one host with the webhooks, the archive page and the ingest services.</summary>
public static class PaperBotApp
{
    public static WebApplication Build(string[] hostArgs, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(hostArgs);
        if (!ListenAddresses.AreConfigured(builder.Configuration))
            builder.WebHost.UseUrls(ListenAddresses.Default);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // The slim builder fixes the console format to "simple"; Logging:Console:FormatterName=json (or systemd) chooses again.
        builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
        configure?.Invoke(builder);

        builder.Services.AddPaperBotArchive(builder.Configuration);
        builder.Services.AddPaperBotBackgroundIngest();
        builder.Services.AddPaperBotDelivery(builder.Configuration);
        builder.Services.AddPaperBotSchedule();
        builder.Services.AddPaperBotPlatforms(builder.Configuration);
        builder.Services.AddPaperBotObservability();

        var app = builder.Build();
        // Before the endpoints resolve their services (which reads their settings one section at a time), so that
        // every wrong setting is named at once rather than only the first.
        app.Services.GetService<IStartupValidator>()?.Validate();
        app.UseSecurityHeaders();
        app.MapHealth();
        app.MapMetrics();
        app.MapArchivePages();
        app.MapPreviewPage();
        app.MapPlatformWebhooks();
        return app;
    }
}
