using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Queries;
using PaperBot.Core.Results;
using PaperBot.Slack.Endpoints;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.WebApi;

namespace PaperBot.Slack.Work;

/// <summary>A click on a card's "Key points" or "Abstract": answered only to the clicker, through the <c>response_url</c>.</summary>
internal sealed class ButtonAnswer(PapersCommand command, Uri responseUrl) : ISlackWork
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var answer = await services.GetRequiredService<PapersService>().AnswerAsync(command, null, cancellationToken);
        var message = answer.IsSuccess ? AnswerRenderer.Render(answer.Value) : AnswerRenderer.Render(answer.Problem);

        var sent = await services.GetRequiredService<ResponseUrlClient>().SendAsync(responseUrl, Replies.EphemeralBeside(message), cancellationToken);
        if (!sent.IsSuccess)
            throw new SlackWorkFailed(sent.Problem);
    }
}
