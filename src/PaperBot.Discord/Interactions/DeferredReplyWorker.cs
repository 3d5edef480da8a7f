using Microsoft.Extensions.Logging;
using PaperBot.Core.Hosting;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>Finishes deferred interactions: waits for each answer, then edits the original response through the interaction webhook.</summary>
internal sealed class DeferredReplyWorker(
    DeferredReplyQueue queue,
    DiscordRestClient discord,
    InteractionTimings timings,
    TimeProvider time,
    ILogger<DeferredReplyWorker> logger) : StoppableService
{
    protected override async Task RunUntilStoppedAsync(CancellationToken stoppingToken)
    {
        await foreach (var reply in queue.Reader.ReadAllAsync(stoppingToken))
        {
            // The deferral already fixed whether the reply is ephemeral. A copy: the answer may be the cached one that inline replies share.
            var message = await WaitForAnswerAsync(reply.Answer, stoppingToken) with { Flags = null };
            var edited = await discord.EditOriginalResponseAsync(reply.ApplicationId, reply.InteractionToken, message, stoppingToken);
            if (!edited.IsSuccess)
                logger.LogWarning("A deferred interaction answer could not be delivered: {Problem}", edited.Problem.Message);
        }
    }

    private async Task<MessagePayload> WaitForAnswerAsync(Task<MessagePayload> answer, CancellationToken stoppingToken)
    {
        try
        {
            return await answer.WaitAsync(timings.DeferredAnswerLimit, time, stoppingToken);
        }
        catch (TimeoutException)
        {
            return AnswerMessages.Text("That took too long to answer; please try again.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Answering a deferred interaction failed");
            return AnswerMessages.Text(InteractionResponder.InternalFailure);
        }
    }
}
