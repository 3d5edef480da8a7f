using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Testing.Slack;

/// <summary>Signs requests the way Slack does.</summary>
public static class SlackSigner
{
    public static string Signature(string secret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    /// <summary>A request for raw body bytes, which need not be valid UTF-8 or well-formed.</summary>
    public static HttpRequestMessage Request(string path, byte[] body, string contentType, string secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        byte[] baseString = [.. Encoding.UTF8.GetBytes($"v0:{timestamp}:"), .. body];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), baseString);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }

    public static HttpRequestMessage Request(string path, string body, string contentType, string secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Signature(secret, timestamp, body));
        return request;
    }
}
