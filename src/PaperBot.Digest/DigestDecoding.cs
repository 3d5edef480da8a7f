using System.Text;
using System.Text.Unicode;

namespace PaperBot.Digest;

/// <summary>Turns a digest file's bytes into text: an optional UTF-8 byte-order mark is dropped, anything not UTF-8 is refused.</summary>
internal static class DigestDecoding
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <returns>The text, or null with <paramref name="reason"/> saying why the bytes are not a readable digest.</returns>
    public static string? Decode(ReadOnlySpan<byte> content, out string reason)
    {
        var skipped = content.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        content = content[skipped..];

        if (!Utf8.IsValid(content))
        {
            reason = $"the file is not UTF-8 text (invalid byte sequence at byte offset {skipped + FirstInvalidByte(content)})";
            return null;
        }

        var text = Encoding.UTF8.GetString(content);
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "the file is empty";
            return null;
        }

        reason = "";
        return text;
    }

    private static long FirstInvalidByte(ReadOnlySpan<byte> content)
    {
        Span<char> scratch = stackalloc char[256];
        long offset = 0;
        while (!content.IsEmpty)
        {
            var status = Utf8.ToUtf16(content, scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall)
                break;
            content = content[read..];
        }
        return offset;
    }
}
