using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Commands;
using PaperBot.Core.Results;
using PaperBot.Slack.Endpoints;
using PaperBot.Slack.WebApi;

namespace PaperBot.Slack.Work;

/// <summary>
/// A slash command whose answer was not ready within Slack's 3 s: it finishes here and goes to the
/// command's <c>response_url</c>. It owns the scope the answer is computed in.
/// </summary>
internal sealed class CommandFollowUp(AsyncServiceScope answerScope, Task<Result<PapersAnswer>> answer, Uri responseUrl) : ISlackWork
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using (answerScope)
        {
            var result = await answer.WaitAsync(cancellationToken);
            var reply = Replies.For(result);
            var sent = await services.GetRequiredService<ResponseUrlClient>().SendAsync(responseUrl, reply, cancellationToken);
            if (!sent.IsSuccess)
                throw new SlackWorkFailed(sent.Problem);
        }
    }
}
