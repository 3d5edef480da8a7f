using System.Buffers;
using Microsoft.AspNetCore.Http;
using PaperBot.Slack.Security;

namespace PaperBot.Slack.Endpoints;

/// <summary>
/// A request body read once into a pooled buffer (with room before it for the signature's base string)
/// and verified. Dispose returns the buffer.
/// </summary>
internal readonly struct SignedBody : IDisposable
{
    /// <summary>Slack's bodies are small; an interaction payload carrying a whole message is the largest.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private readonly byte[]? _buffer;
    private readonly int _length;

    private SignedBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public bool IsVerified => _buffer is not null;

    public ReadOnlySpan<byte> Bytes => _buffer is null ? default : _buffer.AsSpan(SlackRequestVerifier.PrefixRoom, _length);

    public ReadOnlyMemory<byte> Memory => _buffer is null ? default : _buffer.AsMemory(SlackRequestVerifier.PrefixRoom, _length);

    /// <summary>Reads and verifies the body; not verified (and nothing held) when the signature, timestamp or size is wrong.</summary>
    public static async ValueTask<SignedBody> ReadAsync(HttpContext context, SlackRequestVerifier? verifier)
    {
        if (verifier is null || !verifier.HasSecret)
            return default;
        var headers = context.Request.Headers;
        var timestamp = headers["X-Slack-Request-Timestamp"].ToString();
        var signature = headers["X-Slack-Signature"].ToString();
        if (timestamp.Length == 0 || signature.Length == 0)
            return default;

        var declared = context.Request.ContentLength;
        if (declared > MaxBodyBytes)
            return default;
        var buffer = ArrayPool<byte>.Shared.Rent(SlackRequestVerifier.PrefixRoom + (int)(declared ?? 4096));
        var length = 0;
        var body = context.Request.Body;
        while (true)
        {
            if (SlackRequestVerifier.PrefixRoom + length == buffer.Length)
            {
                if (length >= MaxBodyBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return default;
                }
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, SlackRequestVerifier.PrefixRoom + length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            var read = await body.ReadAsync(buffer.AsMemory(SlackRequestVerifier.PrefixRoom + length), context.RequestAborted);
            if (read == 0)
                break;
            length += read;
        }

        if (!verifier.Verify(timestamp, signature, buffer, SlackRequestVerifier.PrefixRoom, length))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return default;
        }
        return new SignedBody(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer is not null)
            ArrayPool<byte>.Shared.Return(_buffer);
    }
}
