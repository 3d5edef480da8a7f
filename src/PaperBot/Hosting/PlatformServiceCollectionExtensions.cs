using PaperBot.Discord;
using PaperBot.Slack;

namespace PaperBot.Hosting;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>Discord and Slack, each enabled by its own configuration section.</summary>
    public static IServiceCollection AddPaperBotPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPaperBotDiscord(configuration);
        services.AddPaperBotSlack(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDiscordInteractions();
        endpoints.MapSlackEndpoints();
        return endpoints;
    }
}
