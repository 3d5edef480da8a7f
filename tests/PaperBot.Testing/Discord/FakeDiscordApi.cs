using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Discord;

/// <summary>One request the fake received, with its body already checked against openapi.json and Discord's limits.</summary>
public sealed record RecordedRequest(string Method, string Path, string OperationId, string? ChannelId, JsonElement Body, string? Authorization, DateTimeOffset At);

/// <summary>How the fake behaves beyond answering like Discord.</summary>
public sealed record FakeDiscordOptions
{
    /// <summary>Refuse with 429s, as Discord does, whatever goes beyond <see cref="Rules"/>; otherwise every request goes through.</summary>
    public bool EnforceRateLimits { get; init; }

    public FakeRateLimitRules Rules { get; init; } = new();

    /// <summary>Keep request and message bodies (tests read them); a benchmark of thousands of channels keeps only what it counts.</summary>
    public bool KeepBodies { get; init; } = true;

    /// <summary>How long a nonce sent with <c>enforce_nonce</c> makes a second create return the first message ("a few minutes").</summary>
    public TimeSpan NonceWindow { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// An in-process Discord API on a loopback port, answering as Discord does: snowflake ids, messages kept per channel in
/// order (a thread is a channel), threads keyed by their message, nonce deduplication with <c>enforce_nonce</c>, edits, thread
/// renames, error envelopes and, when asked, Discord's rate limits with truthful headers. Faults can be scripted: 429 storms,
/// 5xx before or after the message is created, a timeout after it is created, a channel deleted midway, and requests held
/// until the test lets them go. Every body is validated against openapi.json and our own limit checks.
/// </summary>
public sealed class FakeDiscordApi : IAsyncDisposable
{
    private readonly FakeDiscordOptions _options;
    private readonly FakeRateLimits _limits;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<string, FakeFault> _brokenChannels = new();
    private readonly ConcurrentQueue<ScriptedFault> _script = new();
    private readonly ConcurrentQueue<HeldRequest> _holds = new();
    private readonly FakeDiscordState _state;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _validated = new(StringComparer.Ordinal);
    private int _scriptedRateLimits;
    private LoopbackApp _app = null!;

    private FakeDiscordApi(FakeDiscordOptions options)
    {
        _options = options;
        _limits = new FakeRateLimits(options.EnforceRateLimits ? options.Rules : FakeRateLimitRules.Lenient);
        _state = new FakeDiscordState(options);
    }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Everything the client sent that Discord would refuse; tests expect it empty.</summary>
    public IReadOnlyList<string> Violations => _violations.ToArray();

    public string ApiBaseUrl => new Uri(_app.BaseAddress, "api/v10").ToString();

    /// <summary>429s the enforcing fake answered because a limit was exceeded (scripted storms not included).</summary>
    public int GlobalRateLimitRefusals => _limits.GlobalRefusals;

    public int BucketRateLimitRefusals => _limits.BucketRefusals;

    /// <summary>Every 429 sent, scripted ones included.</summary>
    public int TooManyRequestsSent => _limits.GlobalRefusals + _limits.BucketRefusals + Volatile.Read(ref _scriptedRateLimits);

    /// <summary>The most bot-token requests that arrived within any one second.</summary>
    public int MaxArrivalsInOneSecond => _limits.MaxArrivalsInOneSecond;

    public FakeRateLimitRules Rules => _limits.Rules;

    /// <summary>When each enforced 429 was sent and for which limit: "12.345s global".</summary>
    public IReadOnlyList<string> RateLimitRefusals => _limits.Refusals;

    public static async Task<FakeDiscordApi> StartAsync(FakeDiscordOptions? options = null)
    {
        var fake = new FakeDiscordApi(options ?? new FakeDiscordOptions());
        DiscordOpenApi.Prepare();
        fake._app = await LoopbackApp.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>Every request to this channel (and its threads) fails with <paramref name="fault"/>.</summary>
    public void BreakChannel(string channelId, FakeFault fault) => _brokenChannels[channelId] = fault;

    /// <summary>The next request matching <paramref name="match"/> gets <paramref name="fault"/>, once, before anything is created.</summary>
    public void FailNext(Func<RecordedRequest, bool> match, FakeFault fault) => _script.Enqueue(new ScriptedFault(match, 1, fault, null, null));

    /// <summary>The next <paramref name="count"/> requests (matching, if given) get a 429, <c>global</c> or of their bucket.</summary>
    public void RateLimitStorm(int count, double retryAfter, bool global, Func<RecordedRequest, bool>? match = null) =>
        _script.Enqueue(new ScriptedFault(match ?? (_ => true), count, FakeFault.RateLimited(retryAfter, global), null, null));

    /// <summary>The next <paramref name="count"/> matching requests are carried out (the message exists) but answered with a 5xx.</summary>
    public void FailAfterCreating(Func<RecordedRequest, bool> match, int status = 500, int count = 1) =>
        _script.Enqueue(new ScriptedFault(match, count, null, FakeFault.ServerError(status), null));

    /// <summary>
    /// The next <paramref name="count"/> matching requests are carried out, then their answer is held for <paramref name="hold"/>:
    /// longer than the client's request timeout, it looks to the client as a timeout after the message was created.
    /// </summary>
    public void TimeoutAfterCreating(Func<RecordedRequest, bool> match, TimeSpan hold, int count = 1) =>
        _script.Enqueue(new ScriptedFault(match, count, null, null, hold));

    /// <summary>The channel (and its threads) is gone: every request to it gets 404 Unknown Channel.</summary>
    public void DeleteChannel(string channelId) => _state.Delete(channelId);

    /// <summary>The channel is deleted once <paramref name="messages"/> messages have been created in it (not counting its threads').</summary>
    public void DeleteChannelAfter(string channelId, int messages) => _state.DeleteAfter(channelId, messages);

    /// <summary>Holds the first request matching <paramref name="match"/> at <paramref name="point"/> until the test releases it.</summary>
    public HeldRequest Hold(Func<RecordedRequest, bool> match, HoldPoint point = HoldPoint.BeforeCreating)
    {
        var held = new HeldRequest(match, point);
        _holds.Enqueue(held);
        return held;
    }

    public IReadOnlyList<RecordedRequest> To(string operationId) => Requests.Where(r => r.OperationId == operationId).ToList();

    /// <summary>The messages in a channel or thread, in the order they were created, as they are now (edits applied).</summary>
    public IReadOnlyList<FakeMessage> MessagesIn(string channelId) => _state.MessagesIn(channelId);

    /// <summary>The thread started from a message, if any (its id is the message's).</summary>
    public FakeThread? ThreadOf(string messageId) => _state.Thread(messageId);

    public IReadOnlyList<FakeThread> ThreadsIn(string channelId) => _state.ThreadsIn(channelId);

    /// <summary>Messages created (a deduplicated re-send creates none).</summary>
    public int CreatedMessages => _state.Created;

    /// <summary>Creates answered with the message a nonce already made.</summary>
    public int DeduplicatedSends => _state.Deduplicated;

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Items[ArrivedKey] = Stopwatch.GetTimestamp();
            await next(context);
        });
        app.MapPost("/api/v10/channels/{channelId}/messages", (HttpContext http, string channelId) =>
            HandleAsync(http, "create_message", channelId, channelId, request => _state.CreateMessage(channelId, request)));
        app.MapMethods("/api/v10/channels/{channelId}/messages/{messageId}", ["PATCH"], (HttpContext http, string channelId, string messageId) =>
            HandleAsync(http, "update_message", channelId, channelId, request => _state.EditMessage(channelId, messageId, request)));
        app.MapPost("/api/v10/channels/{channelId}/messages/{messageId}/threads", (HttpContext http, string channelId, string messageId) =>
            HandleAsync(http, "create_thread_from_message", channelId, channelId, request => _state.StartThread(channelId, messageId, request)));
        app.MapMethods("/api/v10/channels/{channelId}", ["PATCH"], (HttpContext http, string channelId) =>
            HandleAsync(http, "update_channel", channelId, channelId, request => _state.ModifyChannel(channelId, request)));
        app.MapPut("/api/v10/applications/{applicationId}/commands", (HttpContext http, string applicationId) =>
            HandleAsync(http, "bulk_set_application_commands", null, applicationId, _state.Commands));
        app.MapPut("/api/v10/applications/{applicationId}/guilds/{guildId}/commands", (HttpContext http, string guildId) =>
            HandleAsync(http, "bulk_set_guild_application_commands", null, guildId, _state.Commands));
        app.MapMethods("/api/v10/webhooks/{applicationId}/{token}/messages/@original", ["PATCH"], (HttpContext http, string applicationId, string token) =>
            HandleAsync(http, "update_original_webhook_message", null, $"{applicationId}/{token}", request => _state.WebhookMessage(request)));
        app.MapPost("/api/v10/webhooks/{applicationId}/{token}", (HttpContext http, string applicationId, string token) =>
            HandleAsync(http, "execute_webhook", null, $"{applicationId}/{token}", request => _state.WebhookMessage(request)));
    }

    private const string ArrivedKey = "fake-discord-arrived";

    private async Task HandleAsync(HttpContext http, string operationId, string? channelId, string majorId, Func<RecordedRequest, (int Status, string Json)> act)
    {
        var arrived = http.Items[ArrivedKey] is long stamp ? stamp : Stopwatch.GetTimestamp();
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            _violations.Enqueue($"{operationId}: body is not JSON: {text}");
            await WriteAsync(http.Response, FakeFault.Error(400, 50109, "The request body contains invalid JSON."));
            return;
        }
        var authorization = http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null;
        var request = new RecordedRequest(http.Request.Method, http.Request.Path, operationId, channelId, body, authorization, DateTimeOffset.UtcNow);
        _requests.Enqueue(_options.KeepBodies ? request : request with { Body = default });

        var problems = Validate(operationId, body, text);
        if (!http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) ?? true)
            problems.Add($"Content-Type is {http.Request.ContentType}");
        if (!http.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
            problems.Add("User-Agent must be DiscordBot ($url, $version)");
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                _violations.Enqueue($"{operationId}: {problem}");
            await WriteAsync(http.Response, FakeFault.Error(400, 50035, "Invalid Form Body"));
            return;
        }

        var decision = _limits.Decide(operationId, majorId, authorization?.StartsWith("Bot ", StringComparison.Ordinal) == true, arrived);
        if (!decision.Allowed)
        {
            await WriteAsync(http.Response, RateLimited(decision));
            return;
        }
        foreach (var (name, value) in decision.Headers)
            http.Response.Headers[name] = value;

        var scripted = TakeScripted(request);
        if (scripted?.Before is { } before)
        {
            if (before.Status == 429)
                Interlocked.Increment(ref _scriptedRateLimits);
            await WriteAsync(http.Response, before);
            return;
        }
        if (!await HoldAsync(request, HoldPoint.BeforeCreating, http.RequestAborted))
            return;
        if (channelId is not null && (_brokenChannels.TryGetValue(channelId, out var broken) ||
                                      (_state.ParentOf(channelId) is { } parent && _brokenChannels.TryGetValue(parent, out broken))))
        {
            await WriteAsync(http.Response, broken);
            return;
        }
        if (channelId is not null && _state.IsDeleted(channelId))
        {
            await WriteAsync(http.Response, FakeFault.UnknownChannel);
            return;
        }

        var (status, json) = act(request);

        if (scripted?.After is { } after)
        {
            await WriteAsync(http.Response, after);
            return;
        }
        if (scripted?.HoldAfter is { } hold)
        {
            try
            {
                await Task.Delay(hold, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up waiting, as intended
            }
        }
        if (!await HoldAsync(request, HoldPoint.AfterCreating, http.RequestAborted))
            return;
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json);
    }

    /// <summary>
    /// Every body is checked; bodies the same but for their nonce (one edition sent to many channels) are checked against the
    /// schema once, since the nonce's value, unlike its length, does not change what the schema says.
    /// </summary>
    private List<string> Validate(string operationId, JsonElement body, string text)
    {
        var key = operationId + "\n" + (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("nonce", out var nonce) && nonce.ValueKind == JsonValueKind.String
            ? text.Replace(nonce.GetString()!, new string('n', nonce.GetString()!.Length), StringComparison.Ordinal)
            : text);
        var schema = _validated.GetOrAdd(key, _ => DiscordOpenApi.Validate(operationId, body));
        return schema.Concat(DiscordLimitChecks.Check(operationId, body)).ToList();
    }

    private static FakeFault RateLimited(RateDecision decision) =>
        new(429, $$"""{"message":"You are being rate limited.","retry_after":{{decision.RetryAfter.ToString("0.000", CultureInfo.InvariantCulture)}},"global":{{(decision.Global ? "true" : "false")}},"code":0}""",
            decision.Headers);

    private ScriptedFault? TakeScripted(RecordedRequest request)
    {
        foreach (var fault in _script)
        {
            if (fault.TryTake(request))
                return fault;
        }
        return null;
    }

    /// <returns>False when the client went away while the request was held.</returns>
    private async Task<bool> HoldAsync(RecordedRequest request, HoldPoint point, CancellationToken aborted)
    {
        foreach (var held in _holds)
        {
            if (held.Point != point || held.Reached.IsCompleted || !held.Match(request))
                continue;
            try
            {
                await held.WaitAsync(request, aborted);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            return true;
        }
        return true;
    }

    private static async Task WriteAsync(HttpResponse response, FakeFault fault)
    {
        response.StatusCode = fault.Status;
        foreach (var (name, value) in fault.Headers)
            response.Headers[name] = value;
        if (fault.Body.Length > 0)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(fault.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var held in _holds)
            held.Release();
        await _app.DisposeAsync();
    }
}
