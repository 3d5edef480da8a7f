using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Hosting;

namespace PaperBot.Slack.Work;

/// <summary>Runs queued Slack work with a few workers, each item in its own scope; one failing item never stops the rest.</summary>
internal sealed partial class SlackWorkProcessor(SlackWorkQueue queue, IServiceScopeFactory scopes, ILogger<SlackWorkProcessor> logger) : StoppableService
{
    private const int Workers = 4;

    protected override Task RunUntilStoppedAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work.RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(e, work.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack work {Work} failed")]
    private partial void LogFailed(Exception exception, string work);
}
