using System.Buffers;
using System.Text.Unicode;

namespace PaperBot.Digest;

/// <summary>
/// Turns a digest file's bytes into text: an optional UTF-8 byte-order mark is dropped, anything not UTF-8 is refused,
/// and U+0000 becomes U+FFFD as CommonMark requires (text is sliced from the source, and no database stores a NUL).
/// </summary>
internal static class DigestDecoding
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <returns>The text, or null with <paramref name="reason"/> saying why the bytes are not a readable digest.</returns>
    public static string? Decode(ReadOnlySpan<byte> content, out string reason)
    {
        var skipped = content.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        content = content[skipped..];

        // Validating while decoding, in one pass, costs half of validating and then decoding.
        // UTF-8 never needs more UTF-16 chars than it has bytes, so the buffer always suffices.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(content.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(content, buffer, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                reason = $"the file is not UTF-8 text (invalid byte sequence at byte offset {skipped + bytesRead})";
                return null;
            }
            if (buffer.AsSpan(0, charsWritten).IsWhiteSpace())
            {
                reason = "the file is empty";
                return null;
            }
            reason = "";
            var text = buffer.AsSpan(0, charsWritten);
            return text.Contains('\0') ? text.ToString().Replace('\0', '\uFFFD') : new string(text);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
