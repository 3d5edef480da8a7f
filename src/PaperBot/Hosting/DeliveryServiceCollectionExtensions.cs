using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Delivery;

namespace PaperBot.Hosting;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Subscriptions and the one delivery path the schedule, <c>post</c> and the preview share.</summary>
    public static IServiceCollection AddPaperBotDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();

        services.AddSingleton(sp => ScheduleDefaults.From(sp.GetRequiredService<IOptions<ScheduleOptions>>().Value).Defaults!);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        services.AddSingleton(SenderId.ForThisProcess());
        services.AddSingleton<RenderedEditions>();
        services.AddSingleton<DeliveryPlanner>();
        services.AddSingleton<DeliveryFanOut>();
        services.AddSingleton<SubscriptionDirectory>();
        services.AddSingleton<SubscriptionCommands>();
        services.AddSingleton<DeliverySchedule>();
        services.AddSingleton<ScheduledDeliveries>();
        return services;
    }

    /// <summary>What the long-running bot adds: the schedule, looking every minute and whenever a digest or a subscription changes.</summary>
    public static IServiceCollection AddPaperBotSchedule(this IServiceCollection services)
    {
        services.AddSingleton<ScheduleWakeUps>();
        services.AddHostedService<ScheduledDeliveryService>();
        return services;
    }
}
