using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Discord;

/// <summary>One request the fake received, with its body already checked against openapi.json and Discord's limits.</summary>
public sealed record RecordedRequest(string Method, string Path, string OperationId, string? ChannelId, JsonElement Body, string? Authorization, DateTimeOffset At);

/// <summary>A scripted answer the fake gives instead of its normal one.</summary>
public sealed record FakeFault(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static FakeFault RateLimited(double retryAfter, bool global = false) =>
        new(429, $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}},"code":0}""",
            global
                ? new Dictionary<string, string> { ["Retry-After"] = "1", ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" }
                : new Dictionary<string, string>
                {
                    ["Retry-After"] = "1", ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0",
                    ["X-RateLimit-Reset-After"] = retryAfter.ToString(CultureInfo.InvariantCulture), ["X-RateLimit-Bucket"] = "fake-messages", ["X-RateLimit-Scope"] = "user",
                });

    public static FakeFault ServerError(int status = 502) => new(status, "", new Dictionary<string, string>());

    public static FakeFault Error(int status, int code, string message) =>
        new(status, $$"""{"code":{{code}},"message":"{{message}}"}""", new Dictionary<string, string>());

    public static FakeFault MissingAccess => Error(403, 50001, "Missing Access");

    public static FakeFault UnknownChannel => Error(404, 10003, "Unknown Channel");
}

/// <summary>
/// An in-process Discord API on a loopback port: snowflake ids, message and channel objects, threads keyed by their
/// message, scripted 429s, 5xx and error envelopes. Every body is validated against openapi.json and our own limit checks.
/// </summary>
public sealed class FakeDiscordApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<string, FakeFault> _brokenChannels = new();
    private readonly List<(Func<RecordedRequest, bool> Match, FakeFault Fault)> _script = [];
    private readonly ConcurrentDictionary<string, string> _threadsByMessage = new();
    private readonly Lock _gate = new();
    private long _nextId = 1_300_000_000_000_000_000;
    private LoopbackApp _app = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Everything the client sent that Discord would refuse; tests expect it empty.</summary>
    public IReadOnlyList<string> Violations => _violations.ToArray();

    public string ApiBaseUrl => new Uri(_app.BaseAddress, "api/v10").ToString();

    public static async Task<FakeDiscordApi> StartAsync()
    {
        var fake = new FakeDiscordApi();
        fake._app = await LoopbackApp.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>Every request to this channel (and its threads) fails with <paramref name="fault"/>.</summary>
    public void BreakChannel(string channelId, FakeFault fault) => _brokenChannels[channelId] = fault;

    /// <summary>The next request matching <paramref name="match"/> gets <paramref name="fault"/>, once.</summary>
    public void FailNext(Func<RecordedRequest, bool> match, FakeFault fault)
    {
        lock (_gate)
            _script.Add((match, fault));
    }

    public IReadOnlyList<RecordedRequest> To(string operationId) => Requests.Where(r => r.OperationId == operationId).ToList();

    private void Map(WebApplication app)
    {
        app.MapPost("/api/v10/channels/{channelId}/messages", (HttpContext http, string channelId) =>
            HandleAsync(http, "create_message", channelId, body => MessageObject(channelId, body)));
        app.MapPost("/api/v10/channels/{channelId}/messages/{messageId}/threads", (HttpContext http, string channelId, string messageId) =>
            HandleAsync(http, "create_thread_from_message", channelId, body => StartThread(channelId, messageId, body)));
        app.MapPut("/api/v10/applications/{applicationId}/commands", (HttpContext http) =>
            HandleAsync(http, "bulk_set_application_commands", null, Commands));
        app.MapPut("/api/v10/applications/{applicationId}/guilds/{guildId}/commands", (HttpContext http) =>
            HandleAsync(http, "bulk_set_guild_application_commands", null, Commands));
        app.MapMethods("/api/v10/webhooks/{applicationId}/{token}/messages/@original", ["PATCH"], (HttpContext http) =>
            HandleAsync(http, "update_original_webhook_message", null, body => MessageObject("1", body)));
        app.MapPost("/api/v10/webhooks/{applicationId}/{token}", (HttpContext http) =>
            HandleAsync(http, "execute_webhook", null, body => MessageObject("1", body)));
    }

    private async Task HandleAsync(HttpContext http, string operationId, string? channelId, Func<JsonElement, (int Status, string Json)> succeed)
    {
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
        var request = new RecordedRequest(http.Request.Method, http.Request.Path, operationId, channelId, body,
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, DateTimeOffset.UtcNow);
        _requests.Enqueue(request);

        var problems = DiscordOpenApi.Validate(operationId, body).Concat(DiscordLimitChecks.Check(operationId, body)).ToList();
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

        if (TakeScripted(request) is { } scripted)
        {
            await WriteAsync(http.Response, scripted);
            return;
        }
        if (channelId is not null && _brokenChannels.TryGetValue(channelId, out var broken))
        {
            await WriteAsync(http.Response, broken);
            return;
        }

        var (status, json) = succeed(body);
        http.Response.StatusCode = status;
        http.Response.Headers["X-RateLimit-Limit"] = "50";
        http.Response.Headers["X-RateLimit-Remaining"] = "49";
        http.Response.Headers["X-RateLimit-Reset-After"] = "0.1";
        http.Response.Headers["X-RateLimit-Bucket"] = $"fake-{operationId}";
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json);
    }

    private FakeFault? TakeScripted(RecordedRequest request)
    {
        lock (_gate)
        {
            var index = _script.FindIndex(s => s.Match(request));
            if (index < 0)
                return null;
            var fault = _script[index].Fault;
            _script.RemoveAt(index);
            return fault;
        }
    }

    private (int, string) MessageObject(string channelId, JsonElement body)
    {
        var id = NextId();
        var content = body.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : "";
        return (200, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["channel_id"] = channelId, ["type"] = 0, ["content"] = content, ["tts"] = false,
            ["mention_everyone"] = false, ["mentions"] = Array.Empty<object>(), ["embeds"] = body.TryGetProperty("embeds", out var e) ? e : Array.Empty<object>(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"), ["author"] = new { id = "290926444748734465", username = "PaperBot", bot = true },
        }));
    }

    private (int, string) StartThread(string channelId, string messageId, JsonElement body)
    {
        if (!_threadsByMessage.TryAdd(messageId, channelId))
            return (400, """{"code":160004,"message":"A thread has already been created for this message"}""");
        // A thread started from a message has the message's id.
        return (201, JsonSerializer.Serialize(new
        {
            id = messageId, type = 11, guild_id = "290926798626357999", parent_id = channelId,
            name = body.GetProperty("name").GetString(), owner_id = "290926444748734465", message_count = 0, member_count = 1,
            thread_metadata = new { archived = false, auto_archive_duration = 10080, locked = false },
        }));
    }

    private (int, string) Commands(JsonElement body)
    {
        var commands = body.EnumerateArray().Select(c => new { id = NextId(), application_id = "290926444748734465", name = c.GetProperty("name").GetString(), version = NextId() });
        return (200, JsonSerializer.Serialize(commands));
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

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

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
