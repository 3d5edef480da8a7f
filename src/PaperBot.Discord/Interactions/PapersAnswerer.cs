using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Queries;
using PaperBot.Core.Rendering;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// Answers one <c>/papers</c> command as a Discord message, looking up the thread's paper only when the command needs it.
/// The channel commands (subscribe, unsubscribe, status) are about the channel the command was used in.
/// </summary>
internal sealed class PapersAnswerer(PapersService papers, ThreadPaperLookup threads, SubscriptionCommands subscriptions)
{
    public const string NotInServer =
        "Subscriptions are for server channels: use `/papers subscribe` in the channel that should get the daily papers.";

    private readonly RenderedAnswers<MessagePayload> _rendered = new(AnswerMessages.From);

    public async Task<MessagePayload> AnswerAsync(PapersCommand command, Invoker invoker, CancellationToken cancellationToken)
    {
        if (command is PapersCommand.ChannelCommand channelCommand)
            return await AnswerForChannelAsync(channelCommand, invoker, cancellationToken);
        var threadPaper = NeedsThreadPaper(command) ? await threads.FindAsync(invoker.ChannelId, cancellationToken) : null;
        var result = await papers.AnswerAsync(command, threadPaper, cancellationToken);
        return result.IsSuccess ? _rendered.Get(result.Value) : AnswerMessages.From(result.Problem);
    }

    /// <summary>Whether the reply is shown to the channel rather than only to whoever asked.</summary>
    public static bool IsPublic(PapersCommand command) =>
        command is PapersCommand.Today { Public: true } or PapersCommand.Day { Public: true };

    private async Task<MessagePayload> AnswerForChannelAsync(PapersCommand.ChannelCommand command, Invoker invoker, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(invoker.ChannelId))
            return AnswerMessages.Text("This command needs a channel; use it in the channel it is about.");
        if (!invoker.InServer && command is not PapersCommand.Status)
            return AnswerMessages.Text(NotInServer);
        var result = await subscriptions.AnswerAsync(command, new ChannelRef(DiscordPlatform.Name, invoker.ChannelId), invoker.MayManageChannels,
            invoker.UserId, cancellationToken);
        return result.IsSuccess ? AnswerMessages.From(result.Value) : AnswerMessages.From(result.Problem);
    }

    private static bool NeedsThreadPaper(PapersCommand command) =>
        command is PapersCommand.Points { Paper: null } or PapersCommand.Abstract { Paper: null };
}
