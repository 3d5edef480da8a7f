using System.Text.Json;
using PaperBot.Core.Results;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.WebApi;

/// <summary>The <c>chat.*</c> methods PaperBot uses.</summary>
public sealed class ChatApi(SlackApiClient api, ConversationsApi conversations, ChannelPacer pacer, TimeProvider time)
{
    /// <summary>How far before the first try a lost post is looked for: room for the clocks of PaperBot and Slack to differ.</summary>
    public static readonly TimeSpan LookBackMargin = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Posts a message (or a thread reply when <c>thread_ts</c> is set), keeping to the channel's pace. A try that failed in
    /// a way that may have posted it anyway (5xx, a timeout) is never simply sent again: a message with metadata is looked
    /// for first, and found is posted; one without is not repeated.
    /// </summary>
    public async Task<Result<PostedMessage>> PostMessageAsync(ChatPostMessageRequest request, CancellationToken cancellationToken = default)
    {
        var context = SlackJsonContext.Relaxed;
        var body = JsonSerializer.SerializeToUtf8Bytes(request, context.ChatPostMessageRequest);
        var firstTry = time.GetUtcNow();
        Func<CancellationToken, Task<Result<ChatPostMessageResponse?>>>? findPosted = request.Metadata is { } metadata
            ? async ct =>
            {
                var found = await conversations.FindAsync(request.Channel, request.ThreadTs, metadata, firstTry - LookBackMargin, ct);
                if (!found.IsSuccess)
                    return found.Problem;
                return found.Value is { } ts ? new ChatPostMessageResponse { Ok = true, Channel = request.Channel, Ts = ts } : null;
            }
            : null;

        var answer = await api.RetryAsync("chat.postMessage", async ct =>
        {
            await pacer.WaitForSlotAsync(request.Channel, ct);
            try
            {
                return await api.SendOnceAsync(HttpMethod.Post, "chat.postMessage", "chat.postMessage", body, context.ChatPostMessageResponse, ct);
            }
            finally
            {
                pacer.Done(request.Channel);
            }
        }, SafeToRepeat.OnlyIfNotDone, findPosted, cancellationToken);
        if (!answer.IsSuccess)
            return answer.Problem;
        return answer.Value.Ts is { Length: > 0 } ts
            ? new PostedMessage(answer.Value.Channel ?? request.Channel, ts)
            : new SlackApiRefused("chat.postMessage", "answer without ts");
    }

    /// <summary>Replaces a message's text, blocks and metadata. Updates are in their own rate tier, not the channel's message pace.</summary>
    public async Task<Result<PostedMessage>> UpdateAsync(ChatUpdateRequest request, CancellationToken cancellationToken = default)
    {
        var context = SlackJsonContext.Relaxed;
        var answer = await api.CallAsync("chat.update", request, context.ChatUpdateRequest, context.ChatUpdateResponse, cancellationToken);
        if (!answer.IsSuccess)
            return answer.Problem;
        return new PostedMessage(answer.Value.Channel ?? request.Channel, answer.Value.Ts is { Length: > 0 } ts ? ts : request.Ts);
    }

    /// <summary>The <c>ts</c> of a message already posted with this metadata (in the thread when given), or null.</summary>
    public Task<Result<string?>> FindPostedAsync(string channel, string? threadTs, MessageMetadata metadata, DateTimeOffset notBefore, CancellationToken cancellationToken = default) =>
        conversations.FindAsync(channel, threadTs, metadata, notBefore - LookBackMargin, cancellationToken);
}

/// <summary>Where a message landed: its channel and its <c>ts</c>, the message id to thread under.</summary>
public sealed record PostedMessage(string Channel, string Ts);
