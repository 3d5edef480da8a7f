using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Slack.Security;

/// <summary>
/// Checks Slack's request signature: <c>X-Slack-Signature</c> = <c>v0=</c> + hex HMAC-SHA256 of
/// <c>v0:{timestamp}:{raw body}</c> keyed with the signing secret, compared in constant time, with the
/// timestamp no more than five minutes from now either way. Without a secret every request fails.
/// </summary>
public sealed class SlackRequestVerifier
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Room a caller leaves before the body so the base string can be hashed in one piece: "v0:" + up to 20 digits + ":".</summary>
    public const int PrefixRoom = 24;

    private const int HexLength = SHA256.HashSizeInBytes * 2;
    private static ReadOnlySpan<byte> Version => "v0"u8;

    private readonly byte[]? _key;
    private readonly TimeProvider _time;

    public SlackRequestVerifier(string? signingSecret, TimeProvider time)
    {
        _key = string.IsNullOrEmpty(signingSecret) ? null : Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public bool HasSecret => _key is not null;

    /// <summary>Verifies a body held anywhere (tests, small callers).</summary>
    public bool Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var buffer = new byte[PrefixRoom + body.Length];
        body.CopyTo(buffer.AsSpan(PrefixRoom));
        return Verify(timestamp, signature, buffer, PrefixRoom, body.Length);
    }

    /// <summary>
    /// Verifies the body at <paramref name="bodyOffset"/> in <paramref name="buffer"/>; the <see cref="PrefixRoom"/>
    /// bytes before it are overwritten with the base-string prefix so nothing is copied.
    /// </summary>
    public bool Verify(string? timestamp, string? signature, byte[] buffer, int bodyOffset, int bodyLength)
    {
        if (_key is null || timestamp is null || signature is null || bodyOffset < PrefixRoom)
            return false;
        if (!long.TryParse(timestamp, out var seconds) || seconds < 0 || timestamp.Length > 20)
            return false;
        var age = _time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > MaxClockSkew.TotalSeconds)
            return false;
        if (signature.Length != Version.Length + 1 + HexLength)
            return false;

        // "v0:" + timestamp + ":" written right before the body.
        var prefixLength = Version.Length + 1 + timestamp.Length + 1;
        var start = bodyOffset - prefixLength;
        var prefix = buffer.AsSpan(start, prefixLength);
        Version.CopyTo(prefix);
        prefix[Version.Length] = (byte)':';
        Encoding.ASCII.GetBytes(timestamp, prefix[(Version.Length + 1)..]);
        prefix[^1] = (byte)':';

        Span<byte> mac = stackalloc byte[SHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, buffer.AsSpan(start, prefixLength + bodyLength), mac);

        Span<byte> expected = stackalloc byte[Version.Length + 1 + HexLength];
        Version.CopyTo(expected);
        expected[Version.Length] = (byte)'=';
        WriteLowerHex(mac, expected[(Version.Length + 1)..]);

        Span<byte> given = stackalloc byte[expected.Length];
        for (var i = 0; i < signature.Length; i++)
        {
            var c = signature[i];
            given[i] = c < 128 ? (byte)c : (byte)0;
        }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static void WriteLowerHex(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        const string digits = "0123456789abcdef";
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = (byte)digits[bytes[i] >> 4];
            destination[2 * i + 1] = (byte)digits[bytes[i] & 0xF];
        }
    }
}
