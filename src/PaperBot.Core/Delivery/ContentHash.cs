using System.Security.Cryptography;

namespace PaperBot.Core.Delivery;

/// <summary>The content hash of a rendered item: of the exact bytes its request would carry, channel-neutral.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body))[..32];
}
