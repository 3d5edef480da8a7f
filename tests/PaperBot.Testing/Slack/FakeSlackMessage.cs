using System.Globalization;
using System.Text.Json.Nodes;

namespace PaperBot.Testing.Slack;

/// <summary>A message as the fake Slack keeps it: where it is, its <c>ts</c>, its thread, what it says and its metadata.</summary>
public sealed record FakeSlackMessage(string Channel, string Ts, string? ThreadTs, string Text, JsonArray? Blocks, JsonObject? Metadata)
{
    public const string BotId = "B0PAPERBOT";
    public const string BotUser = "U0PAPERBOT";

    /// <summary>How many times chat.update changed it.</summary>
    public int Edits { get; init; }

    /// <summary>A reply in a thread (its <see cref="ThreadTs"/> is its parent's <c>ts</c>).</summary>
    public bool IsReply => ThreadTs is not null;

    public string? EventType => Metadata?["event_type"]?.GetValue<string>();

    /// <summary>The delivery item the metadata names (<c>header</c>, <c>card:2</c>, <c>reply:2:0</c>), if any.</summary>
    public string? Item => Metadata?["event_payload"]?["item"]?.GetValue<string>();

    /// <summary>The edition date the metadata names, if any.</summary>
    public string? Date => Metadata?["event_payload"]?["date"]?.GetValue<string>();

    /// <summary>Every string it shows, for "does the message say X" checks.</summary>
    public string AllText => string.Join("\n", [Text, .. SlackCall.Strings(Blocks)]);

    /// <summary>The message as conversations.history / conversations.replies return it.</summary>
    public JsonObject ToJson(bool withMetadata, int replyCount)
    {
        var json = new JsonObject
        {
            ["type"] = "message",
            ["user"] = BotUser,
            ["bot_id"] = BotId,
            ["app_id"] = "A0PAPERBOT",
            ["text"] = Text,
            ["ts"] = Ts,
        };
        if (Blocks is not null)
            json["blocks"] = Blocks.DeepClone();
        if (ThreadTs is not null)
            json["thread_ts"] = ThreadTs;
        else if (replyCount > 0)
        {
            json["thread_ts"] = Ts;
            json["reply_count"] = replyCount;
        }
        if (Edits > 0)
            json["edited"] = new JsonObject { ["user"] = BotUser, ["ts"] = Ts };
        if (withMetadata && Metadata is not null)
            json["metadata"] = Metadata.DeepClone();
        return json;
    }

    /// <summary>A <c>ts</c> as the number Slack compares it as.</summary>
    public static decimal Number(string ts) => decimal.Parse(ts, NumberStyles.Float, CultureInfo.InvariantCulture);
}
