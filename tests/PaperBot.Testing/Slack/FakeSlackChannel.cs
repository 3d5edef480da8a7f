using System.Text;
using System.Text.Json.Nodes;

namespace PaperBot.Testing.Slack;

/// <summary>One channel of the fake Slack: its messages in <c>ts</c> order, and the answers of the reading methods.</summary>
internal sealed class FakeSlackChannel(string id)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 999;

    private readonly List<FakeSlackMessage> _messages = [];

    public Lock Gate { get; } = new();

    public string Id => id;

    /// <summary>Deleted (or never visible): every call about it is <c>channel_not_found</c>.</summary>
    public bool Deleted { get; set; }

    /// <summary>Posts after which the channel is deleted; null when it is not to be.</summary>
    public int? DeleteAfterPosts { get; set; }

    /// <summary>When the last post was accepted (the clock's timestamp), for the one-per-second limit.</summary>
    public long? LastPostAt { get; set; }

    public int Posts { get; private set; }

    /// <summary>Call with <see cref="Gate"/> held.</summary>
    public void Add(FakeSlackMessage message)
    {
        _messages.Add(message);
        Posts++;
        if (DeleteAfterPosts is { } limit && Posts >= limit)
            Deleted = true;
    }

    /// <summary>Call with <see cref="Gate"/> held.</summary>
    public FakeSlackMessage? Find(string ts) => _messages.Find(m => m.Ts == ts);

    /// <summary>Call with <see cref="Gate"/> held.</summary>
    public void Replace(FakeSlackMessage message) => _messages[_messages.FindIndex(m => m.Ts == message.Ts)] = message;

    public IReadOnlyList<FakeSlackMessage> Snapshot()
    {
        lock (Gate)
            return _messages.ToList();
    }

    /// <summary>conversations.history: the channel's own messages (no thread replies), newest first, a page at a time.</summary>
    public JsonObject History(JsonObject arguments)
    {
        lock (Gate)
        {
            var withMetadata = IsTrue(arguments["include_all_metadata"]);
            var inclusive = IsTrue(arguments["inclusive"]);
            var oldest = Decimal(arguments["oldest"]);
            var latest = Decimal(arguments["latest"]);
            var from = Cursor(arguments["cursor"]);
            var selected = _messages.Where(m => !m.IsReply)
                .Where(m => InRange(FakeSlackMessage.Number(m.Ts), oldest, latest, inclusive))
                .Where(m => from is null || FakeSlackMessage.Number(m.Ts) <= from)
                .OrderByDescending(m => FakeSlackMessage.Number(m.Ts))
                .ToList();
            return Page(selected, Limit(arguments["limit"]), withMetadata, first: null);
        }
    }

    /// <summary>conversations.replies: the thread's parent first, then its replies oldest first, a page at a time.</summary>
    public JsonObject? Replies(string threadTs, JsonObject arguments)
    {
        lock (Gate)
        {
            var parent = _messages.Find(m => m.Ts == threadTs && !m.IsReply);
            if (parent is null)
                return null;
            var withMetadata = IsTrue(arguments["include_all_metadata"]);
            var inclusive = IsTrue(arguments["inclusive"]);
            var oldest = Decimal(arguments["oldest"]);
            var latest = Decimal(arguments["latest"]);
            var from = Cursor(arguments["cursor"]);
            var replies = _messages.Where(m => m.ThreadTs == threadTs)
                .Where(m => InRange(FakeSlackMessage.Number(m.Ts), oldest, latest, inclusive))
                .Where(m => from is null || FakeSlackMessage.Number(m.Ts) >= from)
                .OrderBy(m => FakeSlackMessage.Number(m.Ts))
                .ToList();
            return Page(replies, Limit(arguments["limit"]), withMetadata, first: from is null ? parent : null);
        }
    }

    private JsonObject Page(List<FakeSlackMessage> selected, int limit, bool withMetadata, FakeSlackMessage? first)
    {
        var messages = new JsonArray();
        if (first is not null)
            messages.Add(first.ToJson(withMetadata, ReplyCount(first.Ts)));
        var room = Math.Max(limit - messages.Count, 1);
        foreach (var message in selected.Take(room))
            messages.Add(message.ToJson(withMetadata, message.IsReply ? 0 : ReplyCount(message.Ts)));
        var hasMore = selected.Count > room;
        var answer = new JsonObject { ["ok"] = true, ["messages"] = messages, ["has_more"] = hasMore };
        answer["response_metadata"] = new JsonObject { ["next_cursor"] = hasMore ? EncodeCursor(selected[room].Ts) : "" };
        return answer;
    }

    private int ReplyCount(string ts) => _messages.Count(m => m.ThreadTs == ts);

    private static bool InRange(decimal ts, decimal? oldest, decimal? latest, bool inclusive) =>
        (oldest is null || (inclusive ? ts >= oldest : ts > oldest)) && (latest is null || (inclusive ? ts <= latest : ts < latest));

    private static int Limit(JsonNode? limit) =>
        int.TryParse(Text(limit), out var value) && value > 0 ? Math.Min(value, MaxLimit) : DefaultLimit;

    private static decimal? Decimal(JsonNode? value) =>
        Text(value) is { Length: > 0 } text ? FakeSlackMessage.Number(text) : null;

    /// <summary>Opaque to callers, as Slack's are: here, the <c>ts</c> the next page starts at.</summary>
    private static string EncodeCursor(string ts) => Convert.ToBase64String(Encoding.UTF8.GetBytes("next_ts:" + ts));

    private static decimal? Cursor(JsonNode? cursor)
    {
        if (Text(cursor) is not { Length: > 0 } text)
            return null;
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
        return FakeSlackMessage.Number(decoded["next_ts:".Length..]);
    }

    private static bool IsTrue(JsonNode? value) => Text(value) is "true" or "1" or "True";

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
