using System.Text.Json;

namespace PaperBot.Testing.Discord;

/// <summary>
/// Discord's documented limits that openapi.json does not hold (or holds looser): 2000-character content, 6000
/// characters across a message's embeds, legacy action rows, and our own rule that nothing may ping anyone.
/// </summary>
public static class DiscordLimitChecks
{
    public static IEnumerable<string> Check(string operationId, JsonElement body)
    {
        if (operationId is "create_message")
            return Message(body).Concat(Nonce(body));
        if (operationId is "update_message" or "update_original_webhook_message" or "execute_webhook")
            return Message(body);
        if (operationId is "create_thread_from_message" or "update_channel")
            return ThreadName(body);
        if (operationId is "create_interaction_response" && body.TryGetProperty("data", out var data) &&
            body.GetProperty("type").GetInt32() is 4 or 7)
            return Message(data);
        return [];
    }

    public static IEnumerable<string> Message(JsonElement message)
    {
        if (!message.TryGetProperty("allowed_mentions", out var mentions) || !mentions.TryGetProperty("parse", out var parse) ||
            parse.ValueKind != JsonValueKind.Array || parse.GetArrayLength() != 0)
            yield return "allowed_mentions must be {\"parse\": []}";
        if (message.TryGetProperty("content", out var content) && content.GetString()!.Length > 2000)
            yield return $"content has {content.GetString()!.Length} characters (max 2000)";
        if (message.TryGetProperty("embeds", out var embeds))
        {
            var total = 0;
            foreach (var embed in embeds.EnumerateArray())
                total += EmbedLength(embed);
            if (total > 6000)
                yield return $"embeds hold {total} characters (max 6000)";
        }
        if (message.TryGetProperty("components", out var rows))
        {
            if (rows.GetArrayLength() > 5)
                yield return "more than 5 action rows";
            foreach (var row in rows.EnumerateArray())
            {
                foreach (var button in row.GetProperty("components").EnumerateArray())
                {
                    if (button.TryGetProperty("custom_id", out var id) && id.GetString()!.Length > 100)
                        yield return "custom_id longer than 100";
                    if (button.GetProperty("style").GetInt32() == 5 && (button.TryGetProperty("custom_id", out _) || !button.TryGetProperty("url", out _)))
                        yield return "a link button needs a url and no custom_id";
                }
            }
        }
    }

    /// <summary>At most 25 characters; <c>enforce_nonce</c> means nothing without one.</summary>
    public static IEnumerable<string> Nonce(JsonElement message)
    {
        var hasNonce = message.TryGetProperty("nonce", out var nonce) && nonce.ValueKind != JsonValueKind.Null;
        if (hasNonce && nonce.ValueKind == JsonValueKind.String && nonce.GetString()!.Length > 25)
            yield return $"nonce has {nonce.GetString()!.Length} characters (max 25)";
        if (!hasNonce && message.TryGetProperty("enforce_nonce", out var enforce) && enforce.ValueKind == JsonValueKind.True)
            yield return "enforce_nonce without a nonce";
    }

    /// <summary>A thread's name: 1 to 100 characters (openapi.json allows an empty one on modify; Discord does not).</summary>
    public static IEnumerable<string> ThreadName(JsonElement body)
    {
        if (body.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString()!.Trim().Length is 0 or > 100)
            yield return $"thread name \"{name.GetString()}\" is not 1 to 100 characters";
    }

    public static int EmbedLength(JsonElement embed)
    {
        var length = Text(embed, "title") + Text(embed, "description");
        if (embed.TryGetProperty("footer", out var footer))
            length += Text(footer, "text");
        if (embed.TryGetProperty("author", out var author))
            length += Text(author, "name");
        if (embed.TryGetProperty("fields", out var fields))
        {
            foreach (var field in fields.EnumerateArray())
                length += Text(field, "name") + Text(field, "value");
        }
        return length;
    }

    private static int Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim().Length : 0;
}
