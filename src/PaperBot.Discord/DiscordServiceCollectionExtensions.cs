using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Observability;
using PaperBot.Core.Ports;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Delivery;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Options;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Security;

namespace PaperBot.Discord;

/// <summary>How the host wires Discord in: <see cref="AddPaperBotDiscord"/> for services, <see cref="MapDiscordInteractions"/> for the endpoint.</summary>
public static class DiscordServiceCollectionExtensions
{
    private const string UserAgent = "DiscordBot (https://github.com/paperbot/paperbot, 1.0) PaperBot";

    /// <summary>
    /// Binds the <c>Discord</c> section (validated at start), and registers the REST client, the interaction handler with
    /// its background queue, the command registrar and the delivery platform. Expects the host to register
    /// <see cref="IEditionArchive"/>, <see cref="IDeliveryRecord"/>, <c>PapersService</c>, <c>SubscriptionCommands</c> and <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddPaperBotDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.SectionName);
        services.AddOptions<DiscordOptions>()
            .Bind(section)
            .PostConfigure(options => options.Channels = ChannelList(section, options.Channels))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PaperBotMetrics>();

        services.TryAddSingleton(provider =>
            new DiscordRestTimings { RequestTimeout = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.RequestTimeout });
        services.TryAddSingleton<DiscordRateLimiter>();
        services.AddHttpClient<DiscordRestClient>((provider, http) =>
            {
                var apiBase = provider.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl;
                http.BaseAddress = new Uri(apiBase.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout
            })
            // The client is held by singletons; pooled connections are recycled instead of the handler. However many
            // channels are delivered at once, they share a bounded number of connections (the limiter keeps as many in flight).
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
                MaxConnectionsPerServer = provider.GetRequiredService<DiscordRestTimings>().MaxConcurrentRequests,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Request URIs of interaction webhooks carry the interaction token: keep them out of the logs.
            .RemoveAllLoggers();

        services.TryAddSingleton(provider => new ThumbnailResolver(configuration[ThumbnailResolver.ImageBaseUrlKey]));
        services.TryAddSingleton<EditionMessages>();
        services.TryAddSingleton(_ => ArchiveLinksSetting.Read(configuration));
        services.AddSingleton<IDeliveryPlatform, DiscordDeliveryPlatform>();
        services.TryAddSingleton(provider => new DiscordCommandRegistrar(
            provider.GetRequiredService<DiscordRestClient>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<ILogger<DiscordCommandRegistrar>>()));

        services.TryAddSingleton<InteractionSignatureVerifier>();
        services.TryAddSingleton<InteractionFreshness>();
        services.TryAddSingleton<InteractionTimings>();
        services.TryAddSingleton<ThreadPaperLookup>();
        services.TryAddSingleton<PapersAnswerer>();
        services.TryAddSingleton<AutocompleteResponder>();
        services.TryAddSingleton<DeferredReplyQueue>();
        services.TryAddSingleton<InteractionResponder>();
        services.TryAddSingleton<InteractionEndpoint>();
        services.AddHostedService<DeferredReplyWorker>();
        return services;
    }

    /// <summary>
    /// <c>POST /discord/interactions</c>, Discord's Interactions Endpoint URL. Without a configured public key it
    /// still exists and answers 401 to everything.
    /// </summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var handler = services.GetRequiredService<InteractionEndpoint>();
        var metrics = services.GetRequiredService<PaperBotMetrics>();
        var time = services.GetRequiredService<TimeProvider>();
        endpoints.MapPost(InteractionEndpoint.Path, async context =>
        {
            var started = time.GetTimestamp();
            var command = await handler.HandleAsync(context);
            metrics.InteractionAnswered(DiscordPlatform.Name, command, time.GetElapsedTime(started));
        });
        return endpoints;
    }

    /// <summary>Channels may be given as a list (<c>Discord:Channels:0</c>) or as one comma-separated value.</summary>
    private static List<string> ChannelList(IConfigurationSection section, List<string> bound)
    {
        var list = new List<string>();
        var single = section[nameof(DiscordOptions.Channels)];
        IEnumerable<string> raw = string.IsNullOrWhiteSpace(single) ? bound : single.Split(',', ';');
        foreach (var channel in raw)
        {
            var trimmed = channel.Trim();
            if (trimmed.Length > 0 && !list.Contains(trimmed))
                list.Add(trimmed);
        }
        return list;
    }
}
