using Microsoft.Extensions.Logging;
using PaperBot.Core.Commands;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// Decides the reply to a verified interaction. An answer ready within <see cref="InteractionTimings.DeferAfter"/>
/// goes back inline; a slower one is deferred and finished by the <see cref="DeferredReplyWorker"/>.
/// </summary>
internal sealed class InteractionResponder(
    PapersAnswerer answerer,
    AutocompleteResponder autocomplete,
    DeferredReplyQueue deferred,
    InteractionTimings timings,
    TimeProvider time,
    ILogger<InteractionResponder> logger)
{
    public const string InternalFailure = "Something went wrong on PaperBot's side; please try again in a minute.";
    private const string Busy = "PaperBot is busy right now; please try again in a minute.";

    public async Task<InteractionReply> RespondAsync(InteractionPayload interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                var command = SlashCommandReader.Read(interaction.Data);
                return command.IsSuccess
                    ? await AnswerAsync(interaction, command.Value)
                    : InteractionReply.Message(AnswerMessages.From(command.Problem));
            case InteractionType.MessageComponent:
                return PaperButton.TryDecode(interaction.Data?.CustomId, out var pressed)
                    ? await AnswerAsync(interaction, pressed)
                    : InteractionReply.Message(AnswerMessages.Text("This button is no longer answered; try `/papers help`."));
            case InteractionType.Autocomplete:
                return InteractionReply.Autocomplete(await autocomplete.RespondAsync(interaction.Data, cancellationToken));
            default:
                return InteractionReply.Invalid("unsupported interaction type");
        }
    }

    private async Task<InteractionReply> AnswerAsync(InteractionPayload interaction, PapersCommand command)
    {
        // Not the request's token: a deferred answer outlives the HTTP request.
        var answer = answerer.AnswerAsync(command, Invoker.Of(interaction), CancellationToken.None);
        if (!answer.IsCompleted)
        {
            using var patience = new CancellationTokenSource();
            var first = await Task.WhenAny(answer, Task.Delay(timings.DeferAfter, time, patience.Token));
            patience.Cancel();
            if (first != answer)
                return Defer(interaction, command, answer);
        }
        try
        {
            return InteractionReply.Message(await answer);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Answering /papers failed");
            return InteractionReply.Message(AnswerMessages.Text(InternalFailure));
        }
    }

    private InteractionReply Defer(InteractionPayload interaction, PapersCommand command, Task<MessagePayload> answer)
    {
        if (string.IsNullOrEmpty(interaction.ApplicationId) || string.IsNullOrEmpty(interaction.Token) ||
            !deferred.TryEnqueue(new DeferredReply(interaction.ApplicationId, interaction.Token, answer)))
        {
            logger.LogWarning("A slow answer could not be deferred (queue full or no interaction token)");
            return InteractionReply.Message(AnswerMessages.Text(Busy));
        }
        return InteractionReply.Deferred(PapersAnswerer.IsPublic(command));
    }
}
