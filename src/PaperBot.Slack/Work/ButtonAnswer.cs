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
internal sealed class ButtonAnswer(DateOnly date, int rank, bool wantsAbstract, Uri responseUrl) : ISlackWork
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var papers = services.GetRequiredService<PapersService>();
        var edition = await papers.GetEditionAsync(date, cancellationToken);
        SlackMessage message;
        if (!edition.IsSuccess)
            message = AnswerRenderer.Render(edition.Problem);
        else if (edition.Value.PaperAtRank(rank) is not { } paper)
            message = AnswerRenderer.Render(new RankOutOfRange(rank, date, edition.Value.Papers.Count));
        else
            message = wantsAbstract
                ? AnswerRenderer.Render(new PapersAnswer.AbstractText(new PaperRef(date, paper)))
                : AnswerRenderer.Render(new PapersAnswer.KeyPoints(new PaperRef(date, paper)));

        var sent = await services.GetRequiredService<ResponseUrlClient>().SendAsync(responseUrl, Replies.EphemeralBeside(message), cancellationToken);
        if (!sent.IsSuccess)
            throw new SlackWorkFailed(sent.Problem);
    }
}
