using PaperBot.Core.Results;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.WebApi;

/// <summary>The <c>chat.*</c> methods PaperBot uses.</summary>
public sealed class ChatApi(SlackApiClient api, ChannelPacer pacer)
{
    /// <summary>Posts a message (or a thread reply when <c>thread_ts</c> is set), keeping to the channel's pace.</summary>
    public async Task<Result<PostedMessage>> PostMessageAsync(ChatPostMessageRequest request, CancellationToken cancellationToken = default)
    {
        await pacer.WaitForSlotAsync(request.Channel, cancellationToken);
        var context = SlackJsonContext.Relaxed;
        var answer = await api.CallAsync("chat.postMessage", request, context.ChatPostMessageRequest, context.ChatPostMessageResponse, cancellationToken);
        if (!answer.IsSuccess)
            return answer.Problem;
        return answer.Value.Ts is { Length: > 0 } ts
            ? new PostedMessage(answer.Value.Channel ?? request.Channel, ts)
            : new SlackApiRefused("chat.postMessage", "answer without ts");
    }
}

/// <summary>Where a message landed: its channel and its <c>ts</c>, the message id to thread under.</summary>
public sealed record PostedMessage(string Channel, string Ts);
