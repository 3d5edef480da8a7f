using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Observability;
using PaperBot.Core.Results;
using PaperBot.Discord.Options;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Rest;

/// <summary>
/// The Discord REST calls PaperBot makes. Paces every request through the shared <see cref="DiscordRateLimiter"/>, honours
/// 429s, retries 5xx and timeouts a bounded number of times with capped jittered backoff (the same body each time), never
/// retries another 4xx, and returns every failure as a problem.
/// </summary>
internal sealed class DiscordRestClient(
    HttpClient http,
    DiscordRateLimiter rateLimiter,
    DiscordRestTimings timings,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    PaperBotMetrics metrics,
    ILogger<DiscordRestClient> logger)
{
    private static readonly JsonTypeInfo<MessagePayload> MessageBody = DiscordJson.Context.MessagePayload;

    public Task<Result<MessageObject>> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.CreateMessage(channelId), message, MessageBody, DiscordJson.Context.MessageObject, cancellationToken);

    /// <summary>Replaces what a message shows; for a message in a thread, <paramref name="channelId"/> is the thread's id.</summary>
    public Task<Result<MessageObject>> EditMessageAsync(string channelId, string messageId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.EditMessage(channelId, messageId), message, MessageBody, DiscordJson.Context.MessageObject, cancellationToken);

    public Task<Result<ChannelObject>> StartThreadFromMessageAsync(string channelId, string messageId, ThreadCreatePayload thread, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.StartThread(channelId, messageId), thread, DiscordJson.Context.ThreadCreatePayload, DiscordJson.Context.ChannelObject, cancellationToken);

    public Task<Result<ChannelObject>> RenameThreadAsync(string threadId, ThreadRenamePayload rename, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.ModifyChannel(threadId), rename, DiscordJson.Context.ThreadRenamePayload, DiscordJson.Context.ChannelObject, cancellationToken);

    public Task<Result<IReadOnlyList<ApplicationCommandObject>>> BulkOverwriteCommandsAsync(
        string applicationId, string? guildId, IReadOnlyList<ApplicationCommandPayload> commands, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.BulkOverwriteCommands(applicationId, guildId), commands, DiscordJson.Context.IReadOnlyListApplicationCommandPayload,
            DiscordJson.Context.IReadOnlyListApplicationCommandObject, cancellationToken);

    public Task<Result<MessageObject>> EditOriginalResponseAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.EditOriginalResponse(applicationId, interactionToken), message, MessageBody, DiscordJson.Context.MessageObject, cancellationToken);

    /// <summary>
    /// Sends the request until it is answered, a bounded number of times: the body is serialized once, so every retry
    /// carries the same bytes (the same nonce), and a retry after a timeout or a 5xx is recognised by Discord.
    /// </summary>
    private async Task<Result<TResponse>> SendAsync<TRequest, TResponse>(
        DiscordRoute route, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        if (route.UsesBotToken && string.IsNullOrWhiteSpace(options.Value.BotToken))
            return new DiscordNotConfigured("Discord:BotToken", route.Operation);

        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        var failedAttempts = 0;
        var rateLimitWaits = 0;
        while (true)
        {
            var admission = await rateLimiter.AcquireAsync(route, cancellationToken);
            if (admission.Lease is not { } lease)
                return new DiscordUnavailable(route.Operation, $"rate limited for {admission.TooLong.TotalSeconds:0.##} s");
            Outcome<TResponse> outcome;
            using (lease)
                outcome = await TrySendOnceAsync(route, bytes, lease, responseType, cancellationToken);
            switch (outcome)
            {
                case Outcome<TResponse>.Done done:
                    return done.Result;
                case Outcome<TResponse>.RateLimited limited:
                    rateLimiter.Blocked(route, limited.Global, limited.RetryAfter);
                    metrics.RateLimited(DiscordPlatform.Name);
                    logger.LogWarning("Discord rate limit on {Route} ({Scope}); retrying after {RetryAfter}", route, limited.Global ? "global" : "bucket", limited.RetryAfter);
                    if (++rateLimitWaits > timings.MaxRateLimitWaits || limited.RetryAfter > timings.MaxRetryAfter)
                        return new DiscordUnavailable(route.Operation, $"rate limited for {limited.RetryAfter.TotalSeconds:0.##} s");
                    break;
                case Outcome<TResponse>.Transient transient:
                    if (++failedAttempts >= timings.MaxAttempts)
                        return new DiscordUnavailable(route.Operation, transient.Reason);
                    var delay = timings.Backoff(failedAttempts - 1);
                    logger.LogWarning("Discord {Route} failed ({Reason}); retry {Attempt} after {Delay}", route, transient.Reason, failedAttempts, delay);
                    await Task.Delay(delay, time, cancellationToken);
                    break;
            }
        }
    }

    private async Task<Outcome<TResponse>> TrySendOnceAsync<TResponse>(
        DiscordRoute route, byte[] body, DiscordRateLimiter.RateLimitLease lease, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, route.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        if (route.UsesBotToken)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken!.Trim());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timings.RequestTimeout);
        try
        {
            lease.Sent = true;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            lease.Complete(response.Headers);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync(responseType, timeout.Token);
                return value is null
                    ? new Outcome<TResponse>.Transient($"{status} with an empty body")
                    : new Outcome<TResponse>.Done(value);
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return await RateLimitedAsync<TResponse>(response, timeout.Token);
            if (status >= 500)
                return new Outcome<TResponse>.Transient($"HTTP {status}");
            var error = await ReadErrorAsync(response, timeout.Token);
            return new Outcome<TResponse>.Done(new DiscordApiProblem(route.Operation, status, error.Code, error.Message ?? response.ReasonPhrase ?? "no message"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome<TResponse>.Transient("timed out");
        }
        catch (HttpRequestException exception)
        {
            return new Outcome<TResponse>.Transient(exception.HttpRequestError.ToString());
        }
        catch (JsonException)
        {
            return new Outcome<TResponse>.Transient("an unreadable response body");
        }
    }

    private static async Task<Outcome<T>> RateLimitedAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        RateLimitBody? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync(DiscordJson.Context.RateLimitBody, cancellationToken);
        }
        catch (JsonException)
        {
            // Cloudflare's 429s are not JSON; the headers still say how long to wait.
        }
        var global = body?.Global == true || response.Headers.Contains("X-RateLimit-Global");
        var seconds = body?.RetryAfter ?? 0;
        if (seconds <= 0 && response.Headers.RetryAfter?.Delta is { } delta)
            seconds = delta.TotalSeconds;
        if (seconds <= 0 && response.Headers.TryGetValues("X-RateLimit-Reset-After", out var values))
            double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds);
        return new Outcome<T>.RateLimited(global, TimeSpan.FromSeconds(Math.Max(seconds, 0.05)));
    }

    private static async Task<ErrorEnvelope> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(DiscordJson.Context.ErrorEnvelope, cancellationToken) ?? new ErrorEnvelope();
        }
        catch (JsonException)
        {
            return new ErrorEnvelope();
        }
    }

    private abstract record Outcome<T>
    {
        public sealed record Done(Result<T> Result) : Outcome<T>;

        public sealed record RateLimited(bool Global, TimeSpan RetryAfter) : Outcome<T>;

        public sealed record Transient(string Reason) : Outcome<T>;
    }
}
