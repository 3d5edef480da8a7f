using System.Net.Http.Headers;
using System.Text;
using NSec.Cryptography;

namespace PaperBot.Testing.Discord;

/// <summary>Signs interaction requests the way Discord does: Ed25519 over timestamp + raw body, with a key made for the test.</summary>
public sealed class DiscordSigner : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>The public half, as the Developer Portal shows it (64 hex characters): what <c>Discord:PublicKey</c> is set to.</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public string Sign(string timestamp, string body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body)));

    /// <summary>Signs raw body bytes, which need not be valid UTF-8.</summary>
    public string Sign(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, (byte[])[.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    /// <summary>A <c>POST</c> of <paramref name="body"/> signed now, or with the given <paramref name="signature"/> instead.</summary>
    public HttpRequestMessage Request(string path, string body, string? signature = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", signature ?? Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public void Dispose() => _key.Dispose();
}
