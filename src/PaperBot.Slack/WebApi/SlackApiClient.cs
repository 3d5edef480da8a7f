using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Observability;
using PaperBot.Core.Results;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.WebApi;

/// <summary>
/// Calls Web API methods with the bot token and turns Slack's answers into values: <c>ok:true</c> is the response,
/// <c>ok:false</c> is judged by its <c>error</c>. A rate limit (HTTP 429, or <c>error:ratelimited</c>) pauses every call of
/// that method for the <c>Retry-After</c> Slack gives (its limits are per method and workspace), other passing failures are
/// retried with capped, jittered backoff, a bounded number of times; the rest are <see cref="SlackApiRefused"/>.
/// A failure after which the call may still have been carried out (5xx, a timeout) is retried blindly only for methods whose
/// repetition does no harm; a post is first looked for (see <see cref="ChatApi"/>).
/// </summary>
public sealed partial class SlackApiClient(
    IHttpClientFactory httpClients, ISlackDelays delays, RetryPolicy retry, TimeProvider time, PaperBotMetrics metrics, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "PaperBot.Slack.WebApi";

    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly ConcurrentDictionary<string, long> _pausedUntil = new(StringComparer.Ordinal);

    /// <summary>Calls a method with a JSON body; failures are retried as they are (for methods that may safely run twice).</summary>
    public Task<Result<TResponse>> CallAsync<TRequest, TResponse>(
        string method, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        return RetryAsync(method, ct => SendOnceAsync(HttpMethod.Post, method, method, body, responseType, ct), SafeToRepeat.Always, null, cancellationToken);
    }

    /// <summary>Calls a reading method with its arguments in the query string (the token stays in the header).</summary>
    public Task<Result<TResponse>> GetAsync<TResponse>(
        string method, IReadOnlyList<KeyValuePair<string, string>> arguments, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        var url = new StringBuilder(method);
        for (var i = 0; i < arguments.Count; i++)
            url.Append(i == 0 ? '?' : '&').Append(arguments[i].Key).Append('=').Append(Uri.EscapeDataString(arguments[i].Value));
        var target = url.ToString();
        return RetryAsync(method, ct => SendOnceAsync(HttpMethod.Get, method, target, null, responseType, ct), SafeToRepeat.Always, null, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it is answered, refused, or out of tries. After a failure that may have been
    /// carried out anyway, <paramref name="findDone"/> (when the call is not <see cref="SafeToRepeat.Always"/>) looks for its
    /// effect first: what it finds is the answer; a call with nothing to look for is not repeated.
    /// </summary>
    internal async Task<Result<TResponse>> RetryAsync<TResponse>(
        string method, Func<CancellationToken, Task<SlackAttempt<TResponse>>> attempt, SafeToRepeat safety,
        Func<CancellationToken, Task<Result<TResponse?>>>? findDone, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        var failures = 0;
        var rateLimited = 0;
        while (true)
        {
            var outcome = await attempt(cancellationToken);
            switch (outcome.Kind)
            {
                case AttemptKind.Answered:
                    return outcome.Response!;
                case AttemptKind.Refused:
                    return new SlackApiRefused(method, outcome.Failure);
                case AttemptKind.RateLimited:
                {
                    rateLimited++;
                    metrics.RateLimited(SlackPlatform.Name);
                    var wait = outcome.RetryAfter ?? retry.Backoff(rateLimited);
                    if (wait > retry.MaxRetryAfter)
                        return new SlackApiUnavailable(method, $"{outcome.Failure}, asked to wait {wait.TotalSeconds:0} s");
                    if (rateLimited >= retry.MaxRateLimitedAttempts)
                        return new SlackApiUnavailable(method, $"{outcome.Failure}, {rateLimited} tries");
                    Pause(method, wait);
                    LogRetry(method, outcome.Failure, rateLimited, wait.TotalMilliseconds);
                    continue; // the next attempt waits out the pause, as every other caller of the method does
                }
            }

            failures++;
            var backoff = retry.Backoff(failures);
            if (outcome.Kind == AttemptKind.Uncertain && safety == SafeToRepeat.OnlyIfNotDone)
            {
                if (findDone is null)
                    return new SlackApiUnavailable(method, $"{outcome.Failure}; it may have been carried out, so it is not repeated");
                // Give Slack a moment to show what it did, then look before anything is sent again.
                await delays.WaitAsync(backoff > retry.SettleDelay ? backoff : retry.SettleDelay, cancellationToken);
                var found = await findDone(cancellationToken);
                if (!found.IsSuccess)
                    return new SlackApiUnavailable(method, $"{outcome.Failure}; it may have been carried out, and looking for it failed: {found.Problem.Message}");
                if (found.Value is { } done)
                    return done;
                if (failures >= retry.MaxAttempts)
                    return new SlackApiUnavailable(method, $"{outcome.Failure}, {failures} tries");
                LogRetry(method, outcome.Failure + ", and it was not carried out", failures, 0);
                continue;
            }
            if (failures >= retry.MaxAttempts)
                return new SlackApiUnavailable(method, $"{outcome.Failure}, {failures} tries");
            LogRetry(method, outcome.Failure, failures, backoff.TotalMilliseconds);
            await delays.WaitAsync(backoff, cancellationToken);
        }
    }

    /// <summary>One HTTP request, after any pause of the method, classified.</summary>
    internal async Task<SlackAttempt<TResponse>> SendOnceAsync<TResponse>(
        HttpMethod verb, string method, string target, byte[]? body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        await WaitOutPauseAsync(method, cancellationToken);
        using var message = new HttpRequestMessage(verb, target);
        if (body is not null)
            message.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonUtf8 } };
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            return SlackAttempt<TResponse>.NotSent($"network error: {e.HttpRequestError}");
        }
        catch (HttpRequestException e)
        {
            return SlackAttempt<TResponse>.Uncertain($"network error: {e.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SlackAttempt<TResponse>.Uncertain("timed out");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return SlackAttempt<TResponse>.RateLimited("HTTP 429 ratelimited", RetryAfter(response));
            if (status >= 500)
                return SlackAttempt<TResponse>.Uncertain($"HTTP {status}");

            TResponse? answer;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                answer = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken);
            }
            catch (JsonException)
            {
                answer = null;
            }
            if (answer is null)
            {
                // A success status with an unreadable answer says nothing about what happened.
                return response.IsSuccessStatusCode
                    ? SlackAttempt<TResponse>.Uncertain($"unreadable answer (HTTP {status})")
                    : SlackAttempt<TResponse>.Refused($"unreadable answer (HTTP {status})");
            }
            if (answer.Ok)
                return SlackAttempt<TResponse>.Answered(answer);
            var error = answer.Error ?? "unknown_error";
            if (RetryPolicy.IsRateLimit(error))
                return SlackAttempt<TResponse>.RateLimited(error, RetryAfter(response));
            return RetryPolicy.MayHaveBeenDone(error) ? SlackAttempt<TResponse>.Uncertain(error) : SlackAttempt<TResponse>.Refused(error);
        }
    }

    private void Pause(string method, TimeSpan wait)
    {
        var until = time.GetTimestamp() + wait.Ticks * time.TimestampFrequency / TimeSpan.TicksPerSecond;
        _pausedUntil.AddOrUpdate(method, until, (_, current) => Math.Max(current, until));
    }

    private Task WaitOutPauseAsync(string method, CancellationToken cancellationToken)
    {
        if (!_pausedUntil.TryGetValue(method, out var until))
            return Task.CompletedTask;
        var now = time.GetTimestamp();
        return until <= now ? Task.CompletedTask : delays.WaitAsync(RetryPolicy.Jittered(time.GetElapsedTime(now, until)), cancellationToken);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - time.GetUtcNow();
        // Some answers carry the header in a form HttpClient does not parse (a fraction of a second).
        if (response.Headers.TryGetValues("Retry-After", out var values) &&
            double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed ({Failure}) on try {Attempt}; retrying in {DelayMs:0} ms")]
    private partial void LogRetry(string method, string failure, int attempt, double delayMs);
}

/// <summary>Whether a call may be sent again after a failure that may have been carried out anyway.</summary>
internal enum SafeToRepeat
{
    /// <summary>Reads and updates: doing them twice does no harm.</summary>
    Always,

    /// <summary>Posts: only once it is known not to have been done.</summary>
    OnlyIfNotDone,
}

internal enum AttemptKind
{
    Answered,

    /// <summary>Slack said no for a reason a retry will not change.</summary>
    Refused,

    /// <summary>Slack asked to slow down; nothing was done.</summary>
    RateLimited,

    /// <summary>The request never reached Slack.</summary>
    NotSent,

    /// <summary>Slack may or may not have carried the request out (5xx, a timeout, a dropped connection).</summary>
    Uncertain,
}

internal readonly record struct SlackAttempt<T>(AttemptKind Kind, T? Response, string Failure, TimeSpan? RetryAfter)
{
    public static SlackAttempt<T> Answered(T response) => new(AttemptKind.Answered, response, "", null);

    public static SlackAttempt<T> Refused(string failure) => new(AttemptKind.Refused, default, failure, null);

    public static SlackAttempt<T> RateLimited(string failure, TimeSpan? retryAfter) => new(AttemptKind.RateLimited, default, failure, retryAfter);

    public static SlackAttempt<T> NotSent(string failure) => new(AttemptKind.NotSent, default, failure, null);

    public static SlackAttempt<T> Uncertain(string failure) => new(AttemptKind.Uncertain, default, failure, null);
}
