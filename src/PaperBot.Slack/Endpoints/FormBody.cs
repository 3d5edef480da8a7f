using System.Buffers;
using System.Text;

namespace PaperBot.Slack.Endpoints;

/// <summary>Reads <c>application/x-www-form-urlencoded</c> fields straight from the bytes already in hand.</summary>
internal static class FormBody
{
    /// <summary>The decoded value of the first field named <paramref name="name"/>, or null.</summary>
    public static string? Get(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name)
    {
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? default : body[(end + 1)..];
            var equals = pair.IndexOf((byte)'=');
            var key = equals < 0 ? pair : pair[..equals];
            if (key.SequenceEqual(name))
                return Decode(equals < 0 ? default : pair[(equals + 1)..]);
        }
        return null;
    }

    /// <summary>Percent-decoding with <c>+</c> as a space, then UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IndexOfAny((byte)'%', (byte)'+') < 0)
            return Encoding.UTF8.GetString(encoded);

        byte[]? rented = null;
        var decoded = encoded.Length <= 512 ? stackalloc byte[encoded.Length] : (rented = ArrayPool<byte>.Shared.Rent(encoded.Length));
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+')
                b = (byte)' ';
            else if (b == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                b = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }
            decoded[length++] = b;
        }
        var text = Encoding.UTF8.GetString(decoded[..length]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
        return text;
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
