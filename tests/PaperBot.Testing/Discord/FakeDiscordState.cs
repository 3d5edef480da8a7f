using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperBot.Testing.Discord;

/// <summary>A message as the fake holds it now: edits applied. <see cref="Body"/> is the created body merged with every edit.</summary>
public sealed record FakeMessage(string Id, string ChannelId, string? Nonce, string? Content, JsonElement Body, int Edits)
{
    public string? EmbedTitle => Embed("title");

    public string? EmbedDescription => Embed("description");

    /// <summary>Buttons under the message (a withdrawn card has none).</summary>
    public int ButtonCount =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("components", out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray().Sum(row => row.TryGetProperty("components", out var buttons) ? buttons.GetArrayLength() : 0)
            : 0;

    private string? Embed(string field) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array &&
        embeds.GetArrayLength() > 0 && embeds[0].TryGetProperty(field, out var value) ? value.GetString() : null;
}

/// <summary>A thread started from a message: a channel whose id is the message's.</summary>
public sealed record FakeThread(string Id, string ParentId, string Name, int Renames);

/// <summary>What the fake Discord holds: channels' messages in order, threads, nonces, deleted channels. One lock guards it all.</summary>
internal sealed class FakeDiscordState(FakeDiscordOptions options)
{
    private const string BotUserId = "290926444748734465";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<FakeMessage>> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _channelOfMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeThread> _threads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FakeMessage Message, long At)> _nonces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _deleteAfter = new(StringComparer.Ordinal);
    private long _nextId = 1_300_000_000_000_000_000;
    private int _created;
    private int _deduplicated;

    public int Created => Volatile.Read(ref _created);

    public int Deduplicated => Volatile.Read(ref _deduplicated);

    public IReadOnlyList<FakeMessage> MessagesIn(string channelId)
    {
        lock (_gate)
            return _channels.TryGetValue(channelId, out var list) ? list.ToList() : [];
    }

    public FakeThread? Thread(string id)
    {
        lock (_gate)
            return _threads.GetValueOrDefault(id);
    }

    public IReadOnlyList<FakeThread> ThreadsIn(string channelId)
    {
        lock (_gate)
            return _threads.Values.Where(t => t.ParentId == channelId).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
    }

    public string? ParentOf(string channelId)
    {
        lock (_gate)
            return _threads.TryGetValue(channelId, out var thread) ? thread.ParentId : null;
    }

    public bool IsDeleted(string channelId)
    {
        lock (_gate)
            return _deleted.Contains(channelId) || (_threads.TryGetValue(channelId, out var thread) && _deleted.Contains(thread.ParentId));
    }

    public void Delete(string channelId)
    {
        lock (_gate)
            _deleted.Add(channelId);
    }

    public void DeleteAfter(string channelId, int messages)
    {
        lock (_gate)
            _deleteAfter[channelId] = messages;
    }

    public (int, string) CreateMessage(string channelId, RecordedRequest request)
    {
        var body = request.Body;
        var nonce = body.TryGetProperty("nonce", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var enforce = body.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;
        var nonceKey = nonce is null ? null : $"{request.Authorization}\n{nonce}";
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (enforce && nonceKey is not null && _nonces.TryGetValue(nonceKey, out var earlier) &&
                Stopwatch.GetElapsedTime(earlier.At, now) < options.NonceWindow)
            {
                _deduplicated++;
                return (200, Json(Current(earlier.Message)));
            }
            var message = new FakeMessage(NextId(), channelId, nonce, Text(body, "content"), options.KeepBodies ? body : default, 0);
            if (!_channels.TryGetValue(channelId, out var list))
                _channels[channelId] = list = [];
            list.Add(message);
            _channelOfMessage[message.Id] = channelId;
            if (nonceKey is not null)
                _nonces[nonceKey] = (message, now);
            _created++;
            if (_deleteAfter.TryGetValue(channelId, out var limit) && list.Count >= limit)
                _deleted.Add(channelId);
            return (200, Json(message));
        }
    }

    public (int, string) EditMessage(string channelId, string messageId, RecordedRequest request)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(channelId, out var list))
                return UnknownMessage;
            var index = list.FindIndex(m => m.Id == messageId);
            if (index < 0)
                return UnknownMessage;
            var message = list[index];
            var merged = message.Body;
            if (options.KeepBodies)
            {
                var node = message.Body.ValueKind == JsonValueKind.Object ? JsonNode.Parse(message.Body.GetRawText())!.AsObject() : new JsonObject();
                foreach (var property in request.Body.EnumerateObject())
                {
                    if (property.Name is "content" or "embeds" or "components" or "flags" or "allowed_mentions")
                        node[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                }
                merged = JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
            }
            var content = request.Body.TryGetProperty("content", out _) ? Text(request.Body, "content") : message.Content;
            var edited = message with { Content = content, Body = merged, Edits = message.Edits + 1 };
            list[index] = edited;
            return (200, Json(edited));
        }
    }

    public (int, string) StartThread(string channelId, string messageId, RecordedRequest request)
    {
        lock (_gate)
        {
            if (!_channelOfMessage.TryGetValue(messageId, out var where) || where != channelId)
                return UnknownMessage;
            if (_threads.ContainsKey(messageId))
                return (400, """{"code":160004,"message":"A thread has already been created for this message"}""");
            var thread = new FakeThread(messageId, channelId, request.Body.GetProperty("name").GetString()!, 0);
            _threads[messageId] = thread;
            return (201, ThreadJson(thread));
        }
    }

    /// <summary>Modify channel: a thread is renamed; any other channel just answers as a text channel.</summary>
    public (int, string) ModifyChannel(string channelId, RecordedRequest request)
    {
        var name = Text(request.Body, "name");
        lock (_gate)
        {
            if (_threads.TryGetValue(channelId, out var thread))
            {
                var renamed = thread with { Name = name ?? thread.Name, Renames = thread.Renames + 1 };
                _threads[channelId] = renamed;
                return (200, ThreadJson(renamed));
            }
        }
        return (200, JsonSerializer.Serialize(new { id = channelId, type = 0, guild_id = "290926798626357999", name = name ?? "papers" }));
    }

    public (int, string) Commands(RecordedRequest request)
    {
        var commands = request.Body.EnumerateArray()
            .Select(c => new { id = NextId(), application_id = BotUserId, name = c.GetProperty("name").GetString(), version = NextId() }).ToList();
        return (200, JsonSerializer.Serialize(commands));
    }

    public (int, string) WebhookMessage(RecordedRequest request) =>
        (200, Json(new FakeMessage(NextId(), "1", null, Text(request.Body, "content"), request.Body, 0)));

    private static (int, string) UnknownMessage => (404, """{"code":10008,"message":"Unknown Message"}""");

    private FakeMessage Current(FakeMessage message) =>
        _channels.TryGetValue(message.ChannelId, out var list) ? list.FirstOrDefault(m => m.Id == message.Id) ?? message : message;

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Json(FakeMessage message)
    {
        var body = message.Body;
        var fields = new Dictionary<string, object?>
        {
            ["id"] = message.Id, ["channel_id"] = message.ChannelId, ["type"] = 0, ["content"] = message.Content ?? "", ["tts"] = false,
            ["mention_everyone"] = false, ["mentions"] = Array.Empty<object>(),
            ["embeds"] = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("embeds", out var embeds) ? embeds : Array.Empty<object>(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["author"] = new { id = BotUserId, username = "PaperBot", bot = true },
        };
        if (message.Nonce is not null)
            fields["nonce"] = message.Nonce;
        return JsonSerializer.Serialize(fields);
    }

    private static string ThreadJson(FakeThread thread) => JsonSerializer.Serialize(new
    {
        id = thread.Id, type = 11, guild_id = "290926798626357999", parent_id = thread.ParentId, name = thread.Name,
        owner_id = BotUserId, message_count = 0, member_count = 1,
        thread_metadata = new { archived = false, auto_archive_duration = 10080, locked = false },
    });

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
