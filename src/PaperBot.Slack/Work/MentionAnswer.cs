using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.WebApi;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Work;

/// <summary>
/// "@PaperBot abstract", "@PaperBot points" or a question: inside a paper's thread it is about that paper and
/// answered there; elsewhere it is answered in a thread under the mention.
/// </summary>
internal sealed partial class MentionAnswer(string channel, string ts, string? threadTs, string text) : ISlackWork
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var threadPaper = threadTs is null ? null : await FindThreadPaperAsync(services, threadTs, cancellationToken);
        var parsed = PapersCommandText.Parse(WithoutMentions(text), unknownAsSearch: true);
        SlackMessage message;
        if (!parsed.IsSuccess)
            message = AnswerRenderer.Render(parsed.Problem);
        else
        {
            var answer = await services.GetRequiredService<PapersService>().AnswerAsync(parsed.Value, threadPaper, cancellationToken);
            message = answer.IsSuccess ? AnswerRenderer.Render(answer.Value) : AnswerRenderer.Render(answer.Problem);
        }

        var request = new ChatPostMessageRequest(channel, message.Text)
        {
            Blocks = message.Blocks,
            ThreadTs = threadTs ?? ts,
            UnfurlLinks = false,
            UnfurlMedia = false,
        };
        var posted = await services.GetRequiredService<ChatApi>().PostMessageAsync(request, cancellationToken);
        if (!posted.IsSuccess)
            throw new SlackWorkFailed(posted.Problem);
    }

    /// <summary>The text without <c>&lt;@U…&gt;</c> mentions (the bot's own and any other).</summary>
    public static string WithoutMentions(string text) => MentionPattern().Replace(text, " ").Trim();

    private static async Task<PaperRef?> FindThreadPaperAsync(IServiceProvider services, string threadTs, CancellationToken cancellationToken)
    {
        var delivery = await services.GetRequiredService<IDeliveryRecord>().FindPostedPaperAsync(SlackPlatform.Name, threadTs, cancellationToken);
        if (delivery is null)
            return null;
        var edition = await services.GetRequiredService<IEditionArchive>().GetEditionAsync(delivery.Date, cancellationToken);
        return edition?.PaperAtRank(delivery.Rank) is { } paper ? new PaperRef(delivery.Date, paper) : null;
    }

    [GeneratedRegex(@"<@[A-Z0-9]+(?:\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
