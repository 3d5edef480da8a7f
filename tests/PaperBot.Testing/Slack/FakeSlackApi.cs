using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Sdk;

namespace PaperBot.Testing.Slack;

/// <summary>
/// Slack's Web API on a loopback port, answering the way Slack does. Messages are kept per channel with their <c>ts</c>,
/// thread and metadata: chat.postMessage stores one (<c>{ok:true, channel, ts, message}</c>), chat.update changes one
/// (<c>message_not_found</c> for an unknown <c>ts</c>), conversations.history lists the channel's own messages newest first
/// and conversations.replies a thread (parent first, then replies oldest first), both with <c>oldest</c>/<c>latest</c>/
/// <c>limit</c>/<c>cursor</c> and the metadata only with <c>include_all_metadata</c>. Optionally it enforces Slack's one
/// message per second per channel (HTTP 429 with <c>Retry-After</c>); faults are injected on request, and a hold hook keeps
/// chosen requests waiting. Requests are checked against the official spec; what fails is in <see cref="SpecViolations"/>.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly FakeSlackOptions _options;
    private readonly ConcurrentDictionary<string, FakeSlackChannel> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<string, int> _callCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refusedChannels = new();
    private readonly Lock _faultGate = new();
    private readonly List<FaultRule> _faults = [];
    private readonly List<FakeSlackHold> _holds = [];
    private Random? _random;
    private double _randomRate;
    private SlackFault[] _randomFaults = [];
    private long _lastTsMicros;
    private int _rateLimitedResponses;
    private int _ratelimitedErrors;
    private LoopbackApp? _app;

    private FakeSlackApi(FakeSlackOptions options) => _options = options;

    public Uri ApiBaseUrl => new(_app!.BaseAddress, "api");

    /// <summary>Every request, in the order answered (empty when <see cref="FakeSlackOptions.RecordCalls"/> is off).</summary>
    public IReadOnlyList<SlackCall> Calls => _calls.ToList();

    /// <summary>chat.postMessage requests answered <c>ok:true</c>.</summary>
    public IReadOnlyList<SlackCall> Posts => Calls.Where(c => c.Method == "chat.postMessage" && c.Answered).ToList();

    /// <summary>HTTP 429 answers sent (injected or by the message limit).</summary>
    public int RateLimitedResponses => Volatile.Read(ref _rateLimitedResponses);

    /// <summary><c>{ok:false, error:"ratelimited"}</c> answers at HTTP 200 sent.</summary>
    public int RatelimitedErrors => Volatile.Read(ref _ratelimitedErrors);

    /// <summary>Requests that broke the official spec or the Block Kit limits, with the reason: a test expects none.</summary>
    public IReadOnlyList<string> SpecViolations => _violations.ToList();

    public int CallCount(string method) => _callCounts.GetValueOrDefault(method);

    public IReadOnlyCollection<string> Channels => _channels.Keys.ToList();

    /// <summary>The channel's own messages (not thread replies), oldest first.</summary>
    public IReadOnlyList<FakeSlackMessage> MessagesIn(string channel) => AllMessagesIn(channel).Where(m => !m.IsReply).ToList();

    /// <summary>The replies in the thread of <paramref name="threadTs"/>, oldest first.</summary>
    public IReadOnlyList<FakeSlackMessage> RepliesTo(string channel, string threadTs) => AllMessagesIn(channel).Where(m => m.ThreadTs == threadTs).ToList();

    /// <summary>
    /// The delivery items the channel's messages name, as a person reads the channel: each message followed by the replies in
    /// its thread. An edition delivered exactly once, in order, reads <c>header, card:1, reply:1:0, …, card:2, …</c>.
    /// </summary>
    public IReadOnlyList<string?> ItemsIn(string channel)
    {
        var all = AllMessagesIn(channel);
        var items = new List<string?>(all.Count);
        foreach (var message in all.Where(m => !m.IsReply))
        {
            items.Add(message.Item);
            items.AddRange(all.Where(m => m.ThreadTs == message.Ts).Select(m => m.Item));
        }
        items.AddRange(all.Where(m => m.IsReply && !all.Any(p => p.Ts == m.ThreadTs)).Select(m => m.Item)); // replies to nothing: wrong too
        return items;
    }

    /// <summary>Every message of the channel, replies included, in the order they were posted.</summary>
    public IReadOnlyList<FakeSlackMessage> AllMessagesIn(string channel) =>
        _channels.TryGetValue(channel, out var found) ? found.Snapshot() : [];

    public static async Task<FakeSlackApi> StartAsync(FakeSlackOptions? options = null)
    {
        var fake = new FakeSlackApi(options ?? new FakeSlackOptions());
        if (fake._options.ValidateRequests)
        {
            // Read the spec now, not on the first request: a test with a short client timeout must not time out on it.
            foreach (var method in (string[])["chat.postMessage", "chat.update", "conversations.history", "conversations.replies"])
                SlackSpecs.ParametersOf(method);
        }
        fake._app = await LoopbackApp.StartAsync(app => app.MapMethods("/api/{method}", ["GET", "POST"], fake.HandleAsync));
        return fake;
    }

    /// <summary>Answer every call for this channel with <c>{ok:false, error}</c>.</summary>
    public void Refuse(string channel, string error) => _refusedChannels[channel] = error;

    public void AcceptAgain(string channel) => _refusedChannels.TryRemove(channel, out _);

    /// <summary>The channel is gone: every call about it is <c>channel_not_found</c> from now on.</summary>
    public void DeleteChannel(string channel)
    {
        var found = Channel(channel);
        lock (found.Gate)
            found.Deleted = true;
    }

    /// <summary>The channel is deleted once it holds <paramref name="posts"/> messages: in the middle of an edition.</summary>
    public void DeleteChannelAfterPosts(string channel, int posts)
    {
        var found = Channel(channel);
        lock (found.Gate)
            found.DeleteAfterPosts = posts;
    }

    /// <summary>The next <paramref name="count"/> calls (of any method) get HTTP 429 with <c>Retry-After</c>.</summary>
    public void RateLimitNext(int count) => Inject(SlackFault.HttpTooManyRequests, count, method: null);

    /// <summary>The next <paramref name="count"/> calls (of any method) get <c>{ok:false, error:"internal_error"}</c>.</summary>
    public void FailNext(int count) => Inject(SlackFault.InternalError, count, method: null);

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> (null: any method), in <paramref name="channel"/>
    /// (null: any), that match <paramref name="when"/> (null: all) are answered with <paramref name="fault"/>.
    /// </summary>
    public void Inject(SlackFault fault, int count = 1, string? method = "chat.postMessage", string? channel = null, int retryAfterSeconds = 1,
        Func<SlackCall, bool>? when = null)
    {
        lock (_faultGate)
            _faults.Add(new FaultRule(fault, method, channel, retryAfterSeconds, when) { Remaining = count });
    }

    /// <summary>
    /// From now on, each chat.postMessage fails with probability <paramref name="rate"/>, with one of the faults Slack shows
    /// (429, <c>ratelimited</c>, 500 before or after posting, a timeout after posting), chosen by a seeded random.
    /// </summary>
    public void FailRandomly(double rate, int seed, params SlackFault[] faults)
    {
        lock (_faultGate)
        {
            _random = new Random(seed);
            _randomRate = rate;
            _randomFaults = faults.Length > 0 ? faults : Enum.GetValues<SlackFault>();
        }
    }

    /// <summary>Requests matching <paramref name="when"/> wait at <paramref name="at"/> until the hold is released.</summary>
    public FakeSlackHold Hold(Func<SlackCall, bool> when, HoldPoint at = HoldPoint.BeforeHandling, bool dropIfAborted = false)
    {
        var hold = new FakeSlackHold(when, at, dropIfAborted);
        lock (_faultGate)
            _holds.Add(hold);
        return hold;
    }

    public async Task<IReadOnlyList<SlackCall>> WaitForPostsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Posts.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return Posts;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var method = (string)context.Request.RouteValues["method"]!;
        _callCounts.AddOrUpdate(method, 1, (_, n) => n + 1);
        var arguments = await ReadArgumentsAsync(context.Request);
        if (arguments is null)
        {
            await context.Response.WriteAsJsonAsync(Error("invalid_json"));
            return;
        }
        var call = new SlackCall(method, context.Request.Headers.Authorization.ToString(), context.Request.ContentType ?? "", arguments);

        if (!await PassHoldsAsync(call, HoldPoint.BeforeHandling, context))
            return;
        var fault = TakeFault(call);
        switch (fault?.Fault)
        {
            case SlackFault.HttpTooManyRequests:
                await TooManyRequestsAsync(context, call, fault.RetryAfterSeconds);
                return;
            case SlackFault.RatelimitedError:
                Interlocked.Increment(ref _ratelimitedErrors);
                context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString();
                await AnswerAsync(context, call, Error("ratelimited"));
                return;
            case SlackFault.InternalError:
                await AnswerAsync(context, call, Error("internal_error"));
                return;
            case SlackFault.ServerErrorBeforePosting:
                Record(call);
                context.Response.StatusCode = 500;
                return;
        }
        if (Text(arguments["channel"]) is { } refusedChannel && _refusedChannels.TryGetValue(refusedChannel, out var refusal))
        {
            await AnswerAsync(context, call, Error(refusal));
            return;
        }

        var wait = TimeSpan.Zero;
        var (answer, ts, changed) = method switch
        {
            "chat.postMessage" => Post(call, ref wait),
            "chat.update" => Update(call),
            "conversations.history" => (History(call), null, false),
            "conversations.replies" => (Replies(call), null, false),
            _ => (Error("unknown_method"), null, false),
        };
        if (answer is null)
        {
            await TooManyRequestsAsync(context, call, (int)Math.Ceiling(Math.Max(wait.TotalSeconds, 1)));
            return;
        }
        if (changed)
        {
            if (!await PassHoldsAsync(call, HoldPoint.AfterStoring, context))
                return;
            switch (fault?.Fault)
            {
                case SlackFault.ServerErrorAfterPosting:
                    Record(call with { Ts = ts });
                    context.Response.StatusCode = 500;
                    return;
                case SlackFault.TimeoutAfterPosting:
                    Record(call with { Ts = ts });
                    try
                    {
                        await Task.Delay(_options.TimeoutHold, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return; // the client gave up, as intended
                    }
                    break;
            }
        }
        await AnswerAsync(context, call with { Answered = answer["ok"]!.GetValue<bool>(), Ts = ts }, answer);
    }

    /// <returns>The answer, the <c>ts</c> posted, whether anything changed; a null answer is a post over the message limit.</returns>
    private (JsonObject? Answer, string? Ts, bool Changed) Post(SlackCall call, ref TimeSpan wait)
    {
        if (!Valid(call, SlackSpecs.AssertValidPostMessage))
            return (Error("invalid_arguments"), null, false);
        var body = call.Body;
        var channel = Channel(call.Channel);
        FakeSlackMessage message;
        lock (channel.Gate)
        {
            if (channel.Deleted)
                return (Error("channel_not_found"), null, false);
            var now = _options.Clock.GetTimestamp();
            if (_options.EnforceMessageRate && channel.LastPostAt is { } last && _options.Clock.GetElapsedTime(last, now) is var since && since < _options.MessageInterval)
            {
                wait = _options.MessageInterval - since;
                return (null, null, false);
            }
            message = new FakeSlackMessage(call.Channel, NextTs(), Text(body["thread_ts"]),
                _options.KeepBodies ? Text(body["text"]) ?? "" : "",
                _options.KeepBodies ? body["blocks"]?.DeepClone() as JsonArray : null,
                body["metadata"]?.DeepClone() as JsonObject);
            channel.Add(message);
            channel.LastPostAt = now;
        }
        var answer = new JsonObject
        {
            ["ok"] = true,
            ["channel"] = call.Channel,
            ["ts"] = message.Ts,
            ["message"] = new JsonObject
            {
                ["type"] = "message", ["subtype"] = "bot_message", ["text"] = body["text"]?.DeepClone(), ["ts"] = message.Ts,
                ["bot_id"] = FakeSlackMessage.BotId, ["thread_ts"] = message.ThreadTs,
            },
        };
        return (answer, message.Ts, true);
    }

    private (JsonObject? Answer, string? Ts, bool Changed) Update(SlackCall call)
    {
        if (!Valid(call, SlackSpecs.AssertValidUpdate))
            return (Error("invalid_arguments"), null, false);
        var body = call.Body;
        var ts = Text(body["ts"]) ?? "";
        var channel = Channel(call.Channel);
        lock (channel.Gate)
        {
            if (channel.Deleted)
                return (Error("channel_not_found"), null, false);
            if (channel.Find(ts) is not { } existing)
                return (Error("message_not_found"), null, false);
            channel.Replace(existing with
            {
                Text = _options.KeepBodies ? Text(body["text"]) ?? existing.Text : "",
                Blocks = _options.KeepBodies && body["blocks"] is JsonArray blocks ? (JsonArray)blocks.DeepClone() : existing.Blocks,
                Metadata = body["metadata"]?.DeepClone() as JsonObject ?? existing.Metadata,
                Edits = existing.Edits + 1,
            });
        }
        var answer = new JsonObject
        {
            ["ok"] = true, ["channel"] = call.Channel, ["ts"] = ts, ["text"] = body["text"]?.DeepClone(),
            ["message"] = new JsonObject { ["type"] = "message", ["text"] = body["text"]?.DeepClone(), ["bot_id"] = FakeSlackMessage.BotId },
        };
        return (answer, ts, true);
    }

    private JsonObject History(SlackCall call)
    {
        if (!Valid(call, body => SlackSpecs.AssertValidArguments("conversations.history", body)))
            return Error("invalid_arguments");
        if (Text(call.Body["channel"]) is not { } id || Channel(id) is not { Deleted: false } channel)
            return Error("channel_not_found");
        return channel.History(call.Body);
    }

    private JsonObject Replies(SlackCall call)
    {
        if (!Valid(call, body => SlackSpecs.AssertValidArguments("conversations.replies", body)))
            return Error("invalid_arguments");
        if (Text(call.Body["channel"]) is not { } id || Channel(id) is not { Deleted: false } channel)
            return Error("channel_not_found");
        return channel.Replies(Text(call.Body["ts"]) ?? "", call.Body) ?? Error("thread_not_found");
    }

    private bool Valid(SlackCall call, Action<JsonObject> check)
    {
        if (!_options.ValidateRequests)
            return true;
        try
        {
            check(call.Body);
            return true;
        }
        catch (XunitException e)
        {
            _violations.Enqueue($"{call.Method}: {e.Message}");
            return false;
        }
    }

    private async Task<bool> PassHoldsAsync(SlackCall call, HoldPoint at, HttpContext context)
    {
        List<FakeSlackHold> holding;
        lock (_faultGate)
            holding = _holds.Where(h => h.At == at && !h.IsReleased && h.When(call)).ToList();
        foreach (var hold in holding)
        {
            await hold.WaitAsync(call);
            if (hold.DropIfAborted && context.RequestAborted.IsCancellationRequested)
                return false;
        }
        return true;
    }

    private FaultRule? TakeFault(SlackCall call)
    {
        var channel = Text(call.Body["channel"]);
        lock (_faultGate)
        {
            foreach (var rule in _faults)
            {
                if (rule.Remaining > 0 && (rule.Method is null || rule.Method == call.Method) && (rule.Channel is null || rule.Channel == channel) &&
                    (rule.When is null || rule.When(call)))
                {
                    rule.Remaining--;
                    return rule;
                }
            }
            if (_random is not null && call.Method == "chat.postMessage" && _random.NextDouble() < _randomRate)
                return new FaultRule(_randomFaults[_random.Next(_randomFaults.Length)], null, null, 1, null);
            return null;
        }
    }

    private async Task TooManyRequestsAsync(HttpContext context, SlackCall call, int retryAfterSeconds)
    {
        Interlocked.Increment(ref _rateLimitedResponses);
        context.Response.StatusCode = 429;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString();
        await AnswerAsync(context, call, Error("ratelimited"));
    }

    private async Task AnswerAsync(HttpContext context, SlackCall call, JsonObject answer)
    {
        Record(call);
        if (!context.RequestAborted.IsCancellationRequested)
            await context.Response.WriteAsJsonAsync(answer);
    }

    private void Record(SlackCall call)
    {
        if (_options.RecordCalls)
            _calls.Enqueue(call);
    }

    private FakeSlackChannel Channel(string id) => _channels.GetOrAdd(id, static key => new FakeSlackChannel(key));

    /// <summary>Slack's <c>ts</c>: seconds and microseconds of the clock, never the same twice.</summary>
    private string NextTs()
    {
        var now = (_options.Clock.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        while (true)
        {
            var last = Volatile.Read(ref _lastTsMicros);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastTsMicros, next, last) == last)
                return $"{next / 1_000_000}.{next % 1_000_000:000000}";
        }
    }

    /// <summary>The arguments as Slack reads them: the query string, a form body or a JSON body.</summary>
    private static async Task<JsonObject?> ReadArgumentsAsync(HttpRequest request)
    {
        var arguments = new JsonObject();
        foreach (var (key, value) in request.Query)
            arguments[key] = value.ToString();
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
                arguments[key] = value.ToString();
            return arguments;
        }
        if (request.ContentLength is 0 || HttpMethods.IsGet(request.Method))
            return arguments;
        try
        {
            if (await JsonNode.ParseAsync(request.Body) is not JsonObject body)
                return null;
            foreach (var (key, value) in body.ToList())
            {
                body.Remove(key);
                arguments[key] = value;
            }
            return arguments;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public ValueTask DisposeAsync()
    {
        lock (_faultGate)
        {
            foreach (var hold in _holds)
                hold.Release();
        }
        return _app?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private sealed record FaultRule(SlackFault Fault, string? Method, string? Channel, int RetryAfterSeconds, Func<SlackCall, bool>? When)
    {
        public int Remaining { get; set; }
    }
}

public sealed record SlackCall(string Method, string Authorization, string ContentType, JsonObject Body)
{
    public bool Answered { get; init; }

    public string? Ts { get; init; }

    public string Channel => Body["channel"]!.GetValue<string>();

    public string? ThreadTs => Body["thread_ts"]?.GetValue<string>();

    public string Text => Body["text"]!.GetValue<string>();

    /// <summary>The delivery item the request's metadata names, if any.</summary>
    public string? Item => Body["metadata"]?["event_payload"]?["item"]?.GetValue<string>();

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
