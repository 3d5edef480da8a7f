using Microsoft.Extensions.Options;
using PaperBot.Web;

namespace PaperBot.Hosting;

/// <summary>The long-running bot: one host with the webhooks, the archive page and the ingest services.</summary>
public static class PaperBotApp
{
    public static WebApplication Build(string[] hostArgs, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(hostArgs);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://localhost:5000");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        configure?.Invoke(builder);

        builder.Services.AddPaperBotArchive(builder.Configuration);
        builder.Services.AddPaperBotBackgroundIngest();
        builder.Services.AddPaperBotPlatforms(builder.Configuration);

        var app = builder.Build();
        // Before the endpoints resolve their services (which reads their settings one section at a time), so that
        // every wrong setting is named at once rather than only the first.
        app.Services.GetService<IStartupValidator>()?.Validate();
        app.UseSecurityHeaders();
        app.MapHealth();
        app.MapArchivePages();
        app.MapPlatformWebhooks();
        return app;
    }
}
