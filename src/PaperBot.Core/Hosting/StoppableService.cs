using Microsoft.Extensions.Hosting;

namespace PaperBot.Core.Hosting;

/// <summary>
/// A background service whose end when the host stops, also when it stops before it finished starting (a port already
/// taken), is a normal end: the cancellation that stopping causes is not reported as a failed service.
/// </summary>
public abstract class StoppableService : BackgroundService
{
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunUntilStoppedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    protected abstract Task RunUntilStoppedAsync(CancellationToken stoppingToken);
}
