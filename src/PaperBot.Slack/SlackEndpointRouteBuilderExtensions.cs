using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Observability;
using PaperBot.Slack.Endpoints;

namespace PaperBot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";
    public const string EventsPath = "/slack/events";

    /// <summary>
    /// Maps the three Slack endpoints. Without <see cref="SlackServiceCollectionExtensions.AddPaperBotSlack"/> or
    /// without a signing secret they still exist and answer 401: nothing unverified gets through.
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        endpoints.MapPost(CommandsPath, Handler(services, services.GetService<SlackCommandsEndpoint>(), e => e.HandleAsync));
        endpoints.MapPost(InteractionsPath, Handler(services, services.GetService<SlackInteractionsEndpoint>(), e => e.HandleAsync));
        endpoints.MapPost(EventsPath, Handler(services, services.GetService<SlackEventsEndpoint>(), e => e.HandleAsync));
        return endpoints;
    }

    /// <summary>The endpoint's handler, counted and timed in the metrics.</summary>
    private static RequestDelegate Handler<T>(IServiceProvider services, T? endpoint, Func<T, Func<HttpContext, Task<string>>> handle) where T : class
    {
        if (endpoint is null)
            return SlackHttp.UnauthorizedAsync;
        var answer = handle(endpoint);
        var metrics = services.GetRequiredService<PaperBotMetrics>();
        var time = services.GetRequiredService<TimeProvider>();
        return async context =>
        {
            var started = time.GetTimestamp();
            var command = await answer(context);
            metrics.InteractionAnswered(SlackHttp.Platform, command, time.GetElapsedTime(started));
        };
    }
}
