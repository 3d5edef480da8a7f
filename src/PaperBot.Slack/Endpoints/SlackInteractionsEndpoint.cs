using PaperBot.Core.Commands;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.Security;
using PaperBot.Slack.Wire;
using PaperBot.Slack.Work;

namespace PaperBot.Slack.Endpoints;

/// <summary>
/// <c>POST /slack/interactions</c>: the card buttons. Acknowledged at once with an empty 200; the key points
/// or abstract go privately to the clicker through the payload's <c>response_url</c>.
/// </summary>
internal sealed class SlackInteractionsEndpoint(SlackRequestVerifier verifier, ResponseUrlPolicy responseUrls, SlackWorkQueue queue)
{
    /// <returns>What kind of request it was, for the metrics.</returns>
    public async Task<string> HandleAsync(HttpContext context)
    {
        InteractionPayload? payload;
        using (var body = await SignedBody.ReadAsync(context, verifier))
        {
            if (!body.IsVerified)
            {
                await SlackHttp.UnauthorizedAsync(context);
                return SlackHttp.InvalidLabel;
            }
            payload = Read(FormBody.Get(body.Bytes, "payload"u8));
        }
        if (payload is null)
        {
            await SlackHttp.BadRequestAsync(context);
            return SlackHttp.InvalidLabel;
        }

        if (payload.Type != "block_actions" || !responseUrls.TryAccept(payload.ResponseUrl, out var responseUrl))
            return SlackHttp.ButtonLabel;
        foreach (var action in payload.Actions ?? [])
        {
            if (PaperButton.TryDecode(action.Value, out var command))
                queue.TryEnqueue(new ButtonAnswer(command, responseUrl));
        }
        return SlackHttp.ButtonLabel;
    }

    private static InteractionPayload? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            var payload = JsonSerializer.Deserialize(json, SlackJsonContext.Relaxed.InteractionPayload);
            // JSON allows a null where Slack always sends an action object; such a payload is malformed.
            return payload?.Actions?.Any(action => action is null) == true ? null : payload;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
