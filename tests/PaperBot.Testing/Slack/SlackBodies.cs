using System.Text.Json.Nodes;

namespace PaperBot.Testing.Slack;

/// <summary>Request bodies shaped like Slack's (see examples/ in the platform specs).</summary>
public static class SlackBodies
{
    public const string CommandChannel = "C2147483705";
    public const string BotUserId = "U0LAN0Z89";

    /// <summary>The form body of <c>/papers &lt;text&gt;</c>.</summary>
    public static string Command(string text, string responseUrl, string channelId = CommandChannel) =>
        "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&channel_id=" + channelId + "&channel_name=test" +
        "&user_id=U2147483697&user_name=Steve&command=%2Fpapers&text=" + Uri.EscapeDataString(text) +
        "&response_url=" + Uri.EscapeDataString(responseUrl) + "&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456";

    /// <summary>An <c>app_mention</c> event callback: "@PaperBot <paramref name="text"/>", in a thread when <paramref name="threadTs"/> is given.</summary>
    public static string AppMention(string text, string channel, string? threadTs, string eventId = "Ev123ABC457")
    {
        var envelope = Example("app_mention_in_thread_event_callback.derived.json");
        envelope["event_id"] = eventId;
        var mention = envelope["event"]!.AsObject();
        mention["text"] = $"<@{BotUserId}> {text}";
        mention["channel"] = channel;
        if (threadTs is null)
            mention.Remove("thread_ts");
        else
            mention["thread_ts"] = threadTs;
        return envelope.ToJsonString();
    }

    public static JsonNode Example(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SlackSpecs.SlackSpecsFolder, "examples", file)))!;
}
