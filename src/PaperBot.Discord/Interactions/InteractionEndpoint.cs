using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Security;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c>: reads the raw body into a pooled buffer right after the timestamp, verifies the
/// signature over both before parsing anything, refuses a signed request that is too old (a replay), then answers with
/// JSON written straight to the response.
/// </summary>
internal sealed class InteractionEndpoint(
    InteractionSignatureVerifier verifier,
    InteractionFreshness freshness,
    InteractionResponder responder,
    ILogger<InteractionEndpoint> logger)
{
    public const string Path = "/discord/interactions";
    private const int MaxBodyBytes = 1 << 20;
    private const int MaxTimestampLength = 32;
    private static readonly byte[] PongBody = "{\"type\":1}"u8.ToArray();

    // A remembered answer (see RenderedAnswers) is the same message object each time: serialize it once too. The message is
    // immutable and carries its visibility (flags), so the object is the whole key of its bytes.
    private readonly ConditionalWeakTable<MessagePayload, byte[]> _serializedMessages = new();

    /// <returns>What was asked, for the metrics (<see cref="InteractionLabels"/>).</returns>
    public async Task<string> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var signature = request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = request.Headers["X-Signature-Timestamp"].ToString();
        if (!verifier.HasKey || signature.Length != InteractionSignatureVerifier.SignatureHexLength ||
            timestamp.Length is 0 or > MaxTimestampLength)
        {
            await RejectAsync(context.Response, StatusCodes.Status401Unauthorized, "invalid request signature");
            return InteractionLabels.Invalid;
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            await RejectAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "request body too large");
            return InteractionLabels.Invalid;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var buffer = ArrayPool<byte>.Shared.Rent(timestampLength + (int)(request.ContentLength ?? 4096));
        InteractionPayload? interaction;
        try
        {
            Encoding.UTF8.GetBytes(timestamp, buffer);
            (buffer, var signedLength) = await ReadBodyAfterAsync(request.Body, buffer, timestampLength, context.RequestAborted);
            if (signedLength < 0)
            {
                await RejectAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "request body too large");
                return InteractionLabels.Invalid;
            }
            if (!verifier.Verify(signature, buffer.AsSpan(0, signedLength)))
            {
                await RejectAsync(context.Response, StatusCodes.Status401Unauthorized, "invalid request signature");
                return InteractionLabels.Invalid;
            }
            if (!freshness.IsFresh(timestamp))
            {
                await RejectAsync(context.Response, StatusCodes.Status401Unauthorized, "request timestamp too far from now");
                return InteractionLabels.Invalid;
            }
            interaction = Parse(buffer.AsSpan(timestampLength, signedLength - timestampLength));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (interaction is null)
        {
            await RejectAsync(context.Response, StatusCodes.Status400BadRequest, "the body is not an interaction (malformed JSON)");
            return InteractionLabels.Invalid;
        }
        if (!InteractionShape.IsWellFormed(interaction))
        {
            await RejectAsync(context.Response, StatusCodes.Status400BadRequest, "the body is not an interaction (malformed options)");
            return InteractionLabels.Invalid;
        }
        if (interaction.Type == InteractionType.Ping)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(PongBody, context.RequestAborted);
            return InteractionLabels.Ping;
        }

        var reply = await responder.RespondAsync(interaction, context.RequestAborted);
        await WriteAsync(context, reply);
        return reply.BadRequest is null ? InteractionLabels.Of(interaction) : InteractionLabels.Invalid;
    }

    private static byte[] SerializeMessageResponse(MessagePayload message) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new InteractionResponsePayload { Type = InteractionCallbackType.ChannelMessage, Data = message },
            DiscordJson.Context.InteractionResponsePayload);

    private static Task WriteBytesAsync(HttpResponse response, byte[] json)
    {
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, 0, json.Length);
    }

    private static InteractionPayload? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, DiscordJson.Context.InteractionPayload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads the whole body into <paramref name="buffer"/> from <paramref name="offset"/>, growing it from the pool (only bodies without a Content-Length grow); -1 when too large.</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAfterAsync(Stream body, byte[] buffer, int offset, CancellationToken cancellationToken)
    {
        var length = offset;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length - offset >= MaxBodyBytes)
                    return (buffer, -1);
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                buffer = larger; // the smaller one is dropped, not returned: the caller's finally owns only the latest
            }
            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
                return (buffer, length - offset > MaxBodyBytes ? -1 : length);
            length += read;
        }
    }

    private Task WriteAsync(HttpContext context, InteractionReply reply)
    {
        if (reply.Response is { Type: InteractionCallbackType.ChannelMessage, Data: { } message })
            return WriteBytesAsync(context.Response, _serializedMessages.GetValue(message, SerializeMessageResponse));
        if (reply.Response is { } response)
            return context.Response.WriteAsJsonAsync(response, DiscordJson.Context.InteractionResponsePayload, "application/json", context.RequestAborted);
        if (reply.Choices is { } choices)
            return context.Response.WriteAsJsonAsync(choices, DiscordJson.Context.AutocompleteResponsePayload, "application/json", context.RequestAborted);
        logger.LogInformation("Rejected an interaction: {Reason}", reply.BadRequest);
        return RejectAsync(context.Response, StatusCodes.Status400BadRequest, reply.BadRequest ?? "bad request");
    }

    private static Task RejectAsync(HttpResponse response, int status, string reason)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(reason);
    }
}
