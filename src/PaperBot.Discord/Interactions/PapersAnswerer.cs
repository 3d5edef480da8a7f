using PaperBot.Core.Commands;
using PaperBot.Core.Queries;
using PaperBot.Core.Rendering;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>Answers one <c>/papers</c> command as a Discord message, looking up the thread's paper only when the command needs it.</summary>
internal sealed class PapersAnswerer(PapersService papers, ThreadPaperLookup threads)
{
    private readonly RenderedAnswers<MessagePayload> _rendered = new(AnswerMessages.From);

    public async Task<MessagePayload> AnswerAsync(PapersCommand command, string? channelId, CancellationToken cancellationToken)
    {
        var threadPaper = NeedsThreadPaper(command) ? await threads.FindAsync(channelId, cancellationToken) : null;
        var result = await papers.AnswerAsync(command, threadPaper, cancellationToken);
        return result.IsSuccess ? _rendered.Get(result.Value) : AnswerMessages.From(result.Problem);
    }

    /// <summary>Whether the reply is shown to the channel rather than only to whoever asked.</summary>
    public static bool IsPublic(PapersCommand command) =>
        command is PapersCommand.Today { Public: true } or PapersCommand.Day { Public: true };

    private static bool NeedsThreadPaper(PapersCommand command) =>
        command is PapersCommand.Points { Paper: null } or PapersCommand.Abstract { Paper: null };
}
