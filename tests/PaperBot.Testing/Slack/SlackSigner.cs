using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Testing.Slack;

/// <summary>Signs requests the way Slack does.</summary>
public static class SlackSigner
{
    public static string Signature(string secret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

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
