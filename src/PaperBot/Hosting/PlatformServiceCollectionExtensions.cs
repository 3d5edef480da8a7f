namespace PaperBot.Hosting;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>Discord and Slack, each enabled by its own configuration section.</summary>
    public static IServiceCollection AddPaperBotPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformWebhooks(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
