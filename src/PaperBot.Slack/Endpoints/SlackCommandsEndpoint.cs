using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Queries;
using PaperBot.Core.Rendering;
using PaperBot.Core.Results;
using PaperBot.Core.Subscriptions;
using PaperBot.Slack.Security;
using PaperBot.Slack.Wire;
using PaperBot.Slack.Work;

namespace PaperBot.Slack.Endpoints;

/// <summary>
/// <c>POST /slack/commands</c>: the <c>/papers</c> slash command. Always HTTP 200 with a reply, private
/// unless <c>public</c> was asked; an answer not ready within Slack's 3 s follows through <c>response_url</c>.
/// <c>subscribe</c>, <c>unsubscribe</c> and <c>status</c> are about the channel the command was used in.
/// </summary>
internal sealed partial class SlackCommandsEndpoint(
    SlackRequestVerifier verifier,
    ResponseUrlPolicy responseUrls,
    IServiceScopeFactory scopes,
    SlackWorkQueue queue,
    TimeProvider time,
    ILogger<SlackCommandsEndpoint> logger)
{
    /// <summary>How long to wait for the answer before acknowledging and following up; Slack gives up at 3 s.</summary>
    public static readonly TimeSpan AnswerBudget = TimeSpan.FromSeconds(2);

    private static readonly byte[] Pending = Serialize(Replies.EphemeralText("Looking that up… the answer follows in a moment."));
    private static readonly byte[] Busy = Serialize(Replies.EphemeralText("PaperBot is busy right now; please try again in a minute."));
    private static readonly byte[] NoChannel = Serialize(Replies.EphemeralText("PaperBot could not tell which channel this is; use the command in the channel itself."));
    private static readonly byte[] TooSlow = Serialize(Replies.EphemeralText("That is taking too long to answer here; please try again in a minute."));
    private static readonly byte[] Broken = Serialize(Replies.EphemeralText("Something went wrong on PaperBot's side; please try again later."));

    private readonly RenderedAnswers<byte[]> _answers = new(answer => Serialize(Replies.For(answer)));

    /// <returns>The subcommand asked for, for the metrics.</returns>
    public async Task<string> HandleAsync(HttpContext context)
    {
        string? text, responseUrl, channelId, userId;
        using (var body = await SignedBody.ReadAsync(context, verifier))
        {
            if (!body.IsVerified)
            {
                await SlackHttp.UnauthorizedAsync(context);
                return SlackHttp.InvalidLabel;
            }
            if (FormBody.Get(body.Bytes, "ssl_check"u8) is not null)
                return SlackHttp.PingLabel;
            text = FormBody.Get(body.Bytes, "text"u8);
            responseUrl = FormBody.Get(body.Bytes, "response_url"u8);
            channelId = FormBody.Get(body.Bytes, "channel_id"u8);
            userId = FormBody.Get(body.Bytes, "user_id"u8);
        }

        var parsed = PapersCommandText.Parse(text);
        var reply = !parsed.IsSuccess ? Serialize(Replies.For(parsed.Problem))
            : parsed.Value is PapersCommand.ChannelCommand && string.IsNullOrEmpty(channelId) ? NoChannel
            : await AnswerAsync(parsed.Value, new Asker(channelId, userId), responseUrl);
        await SlackHttp.WriteJsonAsync(context, reply);
        return parsed.IsSuccess ? PapersCommandNames.NameOf(parsed.Value) : SlackHttp.InvalidLabel;
    }

    /// <summary>Where the command was used, and by whom, as Slack's signed payload says.</summary>
    private readonly record struct Asker(string? ChannelId, string? UserId);

    private async Task<byte[]> AnswerAsync(PapersCommand command, Asker asker, string? responseUrl)
    {
        AsyncServiceScope? scope = scopes.CreateAsyncScope();
        try
        {
            var services = scope.Value.ServiceProvider;
            // Slack's command payload says nothing of the asker's rights in the channel: anyone in it may manage its subscription.
            var answer = command is PapersCommand.ChannelCommand channelCommand
                ? services.GetRequiredService<SubscriptionCommands>().AnswerAsync(
                    channelCommand, new ChannelRef(SlackPlatform.Name, asker.ChannelId!), mayManageChannel: true, by: asker.UserId)
                : services.GetRequiredService<PapersService>().AnswerAsync(command, threadPaper: null);
            if (!answer.IsCompleted)
            {
                try
                {
                    await answer.WaitAsync(AnswerBudget, time);
                }
                catch (TimeoutException)
                {
                    return FollowUpLater(ref scope, answer, responseUrl);
                }
            }
            var result = await answer;
            return result.IsSuccess ? _answers.Get(result.Value) : Serialize(Replies.For(result.Problem));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
            return Broken;
        }
        finally
        {
            if (scope is { } owned)
                await owned.DisposeAsync();
        }
    }

    /// <summary>Hands the unfinished answer, and the scope it runs in, to the background queue.</summary>
    private byte[] FollowUpLater(ref AsyncServiceScope? scope, Task<Result<PapersAnswer>> answer, string? responseUrl)
    {
        if (!responseUrls.TryAccept(responseUrl, out var url))
            return TooSlow;
        if (!queue.TryEnqueue(new CommandFollowUp(scope!.Value, answer, url)))
            return Busy;
        scope = null; // the queued work owns it now
        return Pending;
    }

    private static byte[] Serialize(SlackReply reply) => JsonSerializer.SerializeToUtf8Bytes(reply, SlackJsonContext.Relaxed.SlackReply);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a Slack /papers command failed")]
    private partial void LogFailed(Exception exception);
}
