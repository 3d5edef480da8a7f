using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PaperBot.Slack.Security;
using PaperBot.Slack.Wire;
using PaperBot.Slack.Work;

namespace PaperBot.Slack.Endpoints;

/// <summary>
/// <c>POST /slack/events</c>: <c>url_verification</c> is answered with its challenge; an <c>app_mention</c> is
/// acknowledged at once and answered from the queue, once per event id however often Slack delivers it.
/// Messages from bots (PaperBot included) are ignored.
/// </summary>
internal sealed class SlackEventsEndpoint(SlackRequestVerifier verifier, SlackWorkQueue queue, SeenEvents seen)
{
    /// <returns>What kind of request it was, for the metrics.</returns>
    public async Task<string> HandleAsync(HttpContext context)
    {
        EventEnvelope? envelope;
        using (var body = await SignedBody.ReadAsync(context, verifier))
        {
            if (!body.IsVerified)
            {
                await SlackHttp.UnauthorizedAsync(context);
                return SlackHttp.InvalidLabel;
            }
            envelope = Read(body.Bytes);
        }
        switch (envelope)
        {
            case null:
                await SlackHttp.BadRequestAsync(context);
                return SlackHttp.InvalidLabel;
            case { Type: "url_verification", Challenge: { } challenge }:
                await SlackHttp.WriteJsonAsync(context, new ChallengeReply(challenge), SlackJsonContext.Relaxed.ChallengeReply);
                return SlackHttp.PingLabel;
            case { Type: "event_callback", Event: { Type: "app_mention" } mention }:
                Accept(context, envelope.EventId, mention);
                return SlackHttp.EventLabel;
        }
        return SlackHttp.EventLabel;
    }

    private void Accept(HttpContext context, string? eventId, SlackEvent mention)
    {
        if (mention.BotId is not null || mention.Subtype == "bot_message" || mention.Channel is null || mention.Ts is null)
            return;
        var key = eventId ?? $"{mention.Channel}/{mention.Ts}";
        if (!seen.TryFirstSight(key))
            return;
        if (!queue.TryEnqueue(new MentionAnswer(mention.Channel, mention.Ts, mention.ThreadTs, mention.Text ?? "")))
        {
            // Full queue: let Slack deliver it again later rather than drop it.
            seen.Release(key);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    private static EventEnvelope? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, SlackJsonContext.Relaxed.EventEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
