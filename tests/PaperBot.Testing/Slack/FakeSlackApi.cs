using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Slack;

/// <summary>
/// Slack's Web API on a loopback port, answering like Slack: <c>{ok:true, channel, ts, message}</c>,
/// <c>{ok:false, error}</c> for a refused channel, HTTP 429 with <c>Retry-After</c>. Every request is recorded.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, string> _refusedChannels = new();
    private int _rateLimitedCalls;
    private int _failingCalls;
    private long _nextTs = 100;
    private LoopbackApp? _app;

    public Uri ApiBaseUrl => new(_app!.BaseAddress, "api");

    public IReadOnlyList<SlackCall> Calls => _calls.ToList();

    public IReadOnlyList<SlackCall> Posts => Calls.Where(c => c.Method == "chat.postMessage" && c.Answered).ToList();

    /// <summary>Answer every call for this channel with <c>{ok:false, error}</c>.</summary>
    public void Refuse(string channel, string error) => _refusedChannels[channel] = error;

    public void AcceptAgain(string channel) => _refusedChannels.TryRemove(channel, out _);

    /// <summary>The next <paramref name="count"/> calls get HTTP 429 with <c>Retry-After: 1</c>.</summary>
    public void RateLimitNext(int count) => Interlocked.Exchange(ref _rateLimitedCalls, count);

    /// <summary>The next <paramref name="count"/> calls get <c>{ok:false, error:"internal_error"}</c>.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failingCalls, count);

    public static async Task<FakeSlackApi> StartAsync()
    {
        var fake = new FakeSlackApi();
        fake._app = await LoopbackApp.StartAsync(app => app.MapPost("/api/{method}", fake.HandleAsync));
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var method = (string)context.Request.RouteValues["method"]!;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var json = JsonNode.Parse(body)!.AsObject();
        var channel = json["channel"]?.GetValue<string>() ?? "";
        var call = new SlackCall(method, context.Request.Headers.Authorization.ToString(), context.Request.ContentType ?? "", json);

        if (Interlocked.Decrement(ref _rateLimitedCalls) >= 0)
        {
            _calls.Enqueue(call);
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
            return;
        }
        if (Interlocked.Decrement(ref _failingCalls) >= 0)
        {
            _calls.Enqueue(call);
            await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = "internal_error" });
            return;
        }
        if (_refusedChannels.TryGetValue(channel, out var error))
        {
            _calls.Enqueue(call);
            await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = error });
            return;
        }

        var ts = $"1700000000.{Interlocked.Increment(ref _nextTs):000000}";
        _calls.Enqueue(call with { Answered = true, Ts = ts });
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = new JsonObject { ["type"] = "message", ["subtype"] = "bot_message", ["text"] = json["text"]?.DeepClone(), ["ts"] = ts, ["bot_id"] = "B0PAPERBOT" },
        });
    }

    public async Task<IReadOnlyList<SlackCall>> WaitForPostsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Posts.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return Posts;
    }

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public sealed record SlackCall(string Method, string Authorization, string ContentType, JsonObject Body)
{
    public bool Answered { get; init; }

    public string? Ts { get; init; }

    public string Channel => Body["channel"]!.GetValue<string>();

    public string? ThreadTs => Body["thread_ts"]?.GetValue<string>();

    public string Text => Body["text"]!.GetValue<string>();

    /// <summary>Every string in the body, for "does the message say X" checks.</summary>
    public string AllText => string.Join("\n", Strings(Body));

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };
}
