using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Observability;
using PaperBot.Core.Results;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.WebApi;

/// <summary>
/// Calls one Web API method with a JSON body and the bot token, and turns Slack's answers into values:
/// <c>ok:true</c> is the response, HTTP 429 waits for <c>Retry-After</c>, <c>ok:false</c> is judged by its
/// <c>error</c> (passing ones retried with capped, jittered backoff, the rest reported as <see cref="SlackApiRefused"/>).
/// </summary>
public sealed partial class SlackApiClient(
    IHttpClientFactory httpClients, ISlackDelays delays, RetryPolicy retry, PaperBotMetrics metrics, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "PaperBot.Slack.WebApi";

    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    public async Task<Result<TResponse>> CallAsync<TRequest, TResponse>(
        string method, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendOnceAsync(method, body, responseType, cancellationToken);
            if (outcome.Response is { Ok: true } answer)
                return answer;
            if (outcome.Failure is "ratelimited" or "rate_limited")
                metrics.RateLimited(Endpoints.SlackHttp.Platform);
            if (!outcome.Transient)
                return new SlackApiRefused(method, outcome.Failure);
            if (attempt >= retry.MaxAttempts)
                return new SlackApiUnavailable(method, $"{outcome.Failure}, {attempt} tries");
            var wait = outcome.RetryAfter ?? retry.Backoff(attempt);
            if (wait > retry.MaxRetryAfter)
                return new SlackApiUnavailable(method, $"{outcome.Failure}, asked to wait {wait.TotalSeconds:0} s");
            LogRetry(method, outcome.Failure, attempt, wait.TotalMilliseconds);
            await delays.WaitAsync(wait, cancellationToken);
        }
    }

    private async Task<Outcome<TResponse>> SendOnceAsync<TResponse>(string method, byte[] body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = JsonUtf8 } },
        };
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return Outcome<TResponse>.Retry($"network error: {e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome<TResponse>.Retry("timed out");
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return Outcome<TResponse>.Retry("ratelimited", RetryAfter(response) ?? retry.BaseDelay);
            if ((int)response.StatusCode >= 500)
                return Outcome<TResponse>.Retry($"HTTP {(int)response.StatusCode}");

            TResponse? answer;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                answer = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken);
            }
            catch (JsonException)
            {
                return Outcome<TResponse>.Refuse($"unreadable answer (HTTP {(int)response.StatusCode})");
            }
            if (answer is null)
                return Outcome<TResponse>.Refuse($"empty answer (HTTP {(int)response.StatusCode})");
            if (answer.Ok)
                return new Outcome<TResponse>(answer, false, "", null);
            var error = answer.Error ?? "unknown_error";
            return RetryPolicy.IsTransient(error) ? Outcome<TResponse>.Retry(error) : Outcome<TResponse>.Refuse(error);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - DateTimeOffset.UtcNow;
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed ({Failure}) on try {Attempt}; retrying in {DelayMs:0} ms")]
    private partial void LogRetry(string method, string failure, int attempt, double delayMs);

    private readonly record struct Outcome<T>(T? Response, bool Transient, string Failure, TimeSpan? RetryAfter)
    {
        public static Outcome<T> Retry(string failure, TimeSpan? after = null) => new(default, true, failure, after);

        public static Outcome<T> Refuse(string failure) => new(default, false, failure, null);
    }
}
