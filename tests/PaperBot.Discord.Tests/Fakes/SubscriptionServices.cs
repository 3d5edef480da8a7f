using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Ports;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Fakes;

/// <summary>What the host registers for <c>/papers subscribe</c>, <c>unsubscribe</c> and <c>status</c>, over an in-memory record.</summary>
internal static class SubscriptionServices
{
    public static readonly ScheduleDefaults Defaults = new(new TimeOnly(9, 0), TimeZoneInfo.Utc, 2);

    public static IServiceCollection AddSubscriptions(this IServiceCollection services, ISubscriptionStore store)
    {
        services.AddSingleton(store);
        services.AddSingleton(Defaults);
        services.AddSingleton<SubscriptionDirectory>();
        services.AddSingleton<SubscriptionCommands>();
        return services;
    }

    public static ISubscriptionStore StoreOf(IDeliveryRecord? record) => record as ISubscriptionStore ?? new InMemoryDeliveryRecord();
}
