using System.Net.Http.Headers;
using System.Text.Json;
using PaperBot.Core.Results;
using PaperBot.Slack.Security;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.WebApi;

/// <summary>
/// Sends a reply to an interaction's or a command's <c>response_url</c>. It uses its own HTTP client, so the
/// bot token never travels to that address, and sends only to an address <see cref="ResponseUrlPolicy"/> allows.
/// </summary>
public sealed class ResponseUrlClient(IHttpClientFactory httpClients, ISlackDelays delays, RetryPolicy retry, ResponseUrlPolicy policy)
{
    public const string HttpClientName = "PaperBot.Slack.ResponseUrl";
    private const int MaxAttempts = 3;

    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    public async Task<Result<bool>> SendAsync(Uri responseUrl, SlackReply reply, CancellationToken cancellationToken = default)
    {
        if (!policy.Allows(responseUrl))
            return new SlackApiUnavailable("response_url", "the address is outside Slack:AllowedResponseUrlPrefixes");
        var body = JsonSerializer.SerializeToUtf8Bytes(reply, SlackJsonContext.Relaxed.SlackReply);
        var failure = "";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, responseUrl)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = JsonUtf8 } },
            };
            try
            {
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(message, cancellationToken);
                if (response.IsSuccessStatusCode)
                    return true;
                failure = $"HTTP {(int)response.StatusCode}";
                if ((int)response.StatusCode < 500 && (int)response.StatusCode != 429)
                    break;
            }
            catch (HttpRequestException e)
            {
                failure = $"network error: {e.HttpRequestError}";
            }
            if (attempt < MaxAttempts)
                await delays.WaitAsync(retry.Backoff(attempt), cancellationToken);
        }
        return new SlackApiUnavailable("response_url", failure);
    }
}
