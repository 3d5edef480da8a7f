using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
        endpoints.MapPost(CommandsPath, Handler(services.GetService<SlackCommandsEndpoint>(), e => e.HandleAsync));
        endpoints.MapPost(InteractionsPath, Handler(services.GetService<SlackInteractionsEndpoint>(), e => e.HandleAsync));
        endpoints.MapPost(EventsPath, Handler(services.GetService<SlackEventsEndpoint>(), e => e.HandleAsync));
        return endpoints;
    }

    private static RequestDelegate Handler<T>(T? endpoint, Func<T, RequestDelegate> handle) where T : class =>
        endpoint is null ? SlackHttp.UnauthorizedAsync : handle(endpoint);
}
