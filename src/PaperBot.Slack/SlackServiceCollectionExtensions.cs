using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Core.Observability;
using PaperBot.Core.Ports;
using PaperBot.Slack.Endpoints;
using PaperBot.Slack.Options;
using PaperBot.Slack.Publishing;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.Security;
using PaperBot.Slack.WebApi;
using PaperBot.Slack.Work;

namespace PaperBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers PaperBot's Slack platform from the root configuration (section <c>Slack</c>, plus
    /// <c>Digests:ImageBaseUrl</c>): the endpoints, and with a bot token the <see cref="IDeliveryPlatform"/> "slack".
    /// Expects the host to register <see cref="IEditionArchive"/>, <see cref="IDeliveryRecord"/>, <c>PapersService</c>,
    /// <c>SubscriptionCommands</c> and <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddPaperBotSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.SectionName);
        services.AddOptions<SlackOptions>()
            .Bind(section)
            .PostConfigure(options => AcceptCommaSeparatedChannels(options, section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PaperBotMetrics>();
        services.TryAddSingleton<ISlackDelays, TimeProviderDelays>();
        services.TryAddSingleton(new RetryPolicy());
        services.TryAddSingleton<ChannelPacer>();

        services.AddHttpClient(SlackApiClient.HttpClientName, (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
                client.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                client.Timeout = options.RequestTimeout;
                if (!string.IsNullOrEmpty(options.BotToken))
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BotToken);
            })
            // One pool of connections for every channel's requests, bounded, kept rather than rebuilt every two minutes.
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                MaxConnectionsPerServer = provider.GetRequiredService<IOptions<SlackOptions>>().Value.MaxConnections,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        // response_url carries a capability in its path: keep it out of the logs, and never send the token there.
        services.AddHttpClient(ResponseUrlClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.TryAddSingleton<SlackApiClient>();
        services.TryAddSingleton<ConversationsApi>();
        services.TryAddSingleton<ChatApi>();
        services.TryAddSingleton<ResponseUrlPolicy>();
        services.TryAddSingleton<ResponseUrlClient>();

        services.TryAddSingleton(provider => new SlackRequestVerifier(
            provider.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(new ThumbnailResolver(configuration[ThumbnailResolver.ConfigurationKey]));
        services.TryAddSingleton(_ => ArchiveLinksSetting.Read(configuration));
        // Delivering needs a bot token; without one Slack is not a platform to deliver to (a stored subscription waits for it).
        if (!string.IsNullOrWhiteSpace(section[nameof(SlackOptions.BotToken)]))
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryPlatform, SlackDeliveryPlatform>());

        services.TryAddSingleton<SeenEvents>();
        services.TryAddSingleton<SlackWorkQueue>();
        services.AddHostedService<SlackWorkProcessor>();
        services.TryAddSingleton<SlackCommandsEndpoint>();
        services.TryAddSingleton<SlackInteractionsEndpoint>();
        services.TryAddSingleton<SlackEventsEndpoint>();

        return services;
    }

    /// <summary><c>Slack__Channels=C1,C2</c> in the environment is easier to write than one variable per index.</summary>
    private static void AcceptCommaSeparatedChannels(SlackOptions options, IConfigurationSection section)
    {
        if (section[nameof(SlackOptions.Channels)] is { Length: > 0 } list)
            options.Channels = list.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        options.Channels = options.Channels.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
    }
}
