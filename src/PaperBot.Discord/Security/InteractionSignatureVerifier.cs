using System.Buffers;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using PaperBot.Discord.Options;

namespace PaperBot.Discord.Security;

/// <summary>
/// Checks Discord's Ed25519 signature over <c>timestamp + raw body</c>. The public key is parsed once;
/// without a usable key every request fails (closed). libsodium's verify is constant-time.
/// </summary>
internal sealed class InteractionSignatureVerifier
{
    public const int SignatureHexLength = 128;
    private const int SignatureLength = 64;

    private readonly PublicKey? _publicKey;

    public InteractionSignatureVerifier(IOptions<DiscordOptions> options)
        : this(options.Value.PublicKey)
    {
    }

    public InteractionSignatureVerifier(string? publicKeyHex)
    {
        _publicKey = TryImport(publicKeyHex);
    }

    public bool HasKey => _publicKey is not null;

    /// <param name="signatureHex">The <c>X-Signature-Ed25519</c> header.</param>
    /// <param name="signedBytes">The timestamp's UTF-8 bytes immediately followed by the raw body.</param>
    public bool Verify(ReadOnlySpan<char> signatureHex, ReadOnlySpan<byte> signedBytes)
    {
        if (_publicKey is null || signatureHex.Length != SignatureHexLength)
            return false;
        Span<byte> signature = stackalloc byte[SignatureLength];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != SignatureLength)
            return false;
        return SignatureAlgorithm.Ed25519.Verify(_publicKey, signedBytes, signature);
    }

    private static PublicKey? TryImport(string? publicKeyHex)
    {
        var text = publicKeyHex?.Trim();
        if (text is null || !DiscordOptionsValidator.IsHex(text, 64))
            return null;
        Span<byte> raw = stackalloc byte[32];
        Convert.FromHexString(text, raw, out _, out _);
        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) ? key : null;
    }
}
