using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PaperBot.Testing.Slack;

/// <summary>Checks request bodies against Slack's official Web API spec and the Block Kit limits of CONTRACT.md §4.</summary>
public static class SlackSpecs
{
    public static string SlackSpecsFolder => Path.Combine(SharedPaths.PlatformSpecs, "slack");

    private static readonly Lazy<JsonDocument> WebApi = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(SlackSpecsFolder, "web-api-openapi.json"))));

    /// <summary>
    /// Arguments newer than the 2020 spec, documented on the current method pages: <c>metadata</c> on chat.postMessage and
    /// chat.update (CONTRACT.md §2), <c>include_all_metadata</c> on conversations.history and conversations.replies.
    /// </summary>
    private static readonly Dictionary<string, string[]> NewerArguments = new()
    {
        ["chat.postMessage"] = ["metadata"],
        ["chat.update"] = ["metadata"],
        ["conversations.history"] = ["include_all_metadata"],
        ["conversations.replies"] = ["include_all_metadata"],
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (HashSet<string> Known, HashSet<string> Required)> Parameters = new();

    /// <summary>A method's arguments as the official spec lists them (form or query; the token goes in the header instead).</summary>
    public static (HashSet<string> Known, HashSet<string> Required) ParametersOf(string method) => Parameters.GetOrAdd(method, static name =>
    {
        var path = WebApi.Value.RootElement.GetProperty("paths").GetProperty("/" + name);
        var operation = path.EnumerateObject().First().Value;
        var known = new HashSet<string>();
        var required = new HashSet<string>();
        foreach (var parameter in operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() is "formData" or "query"))
        {
            var parameterName = parameter.GetProperty("name").GetString()!;
            if (parameterName == "token")
                continue;
            known.Add(parameterName);
            if (parameter.TryGetProperty("required", out var r) && r.GetBoolean())
                required.Add(parameterName);
        }
        known.UnionWith(NewerArguments.GetValueOrDefault(name) ?? []);
        return (known, required);
    });

    /// <summary>Every argument is one the method takes, the required ones are there, and the token is not among them.</summary>
    public static void AssertValidArguments(string method, JsonObject arguments)
    {
        var (known, required) = ParametersOf(method);
        var unknown = arguments.Select(p => p.Key).Where(name => !known.Contains(name)).ToList();
        Assert.True(unknown.Count == 0, $"not {method} arguments: " + string.Join(", ", unknown));
        foreach (var name in required)
            Assert.True(arguments.ContainsKey(name), $"{method} needs `{name}`");
        Assert.DoesNotContain("token", arguments.Select(p => p.Key));
    }

    public static void AssertValidPostMessage(JsonObject body)
    {
        AssertValidArguments("chat.postMessage", body);
        AssertMessageWithinLimits(body);
        AssertValidMetadata(body["metadata"]);
    }

    /// <summary>chat.update: channel and ts, a message within the limits, metadata if any of the right shape.</summary>
    public static void AssertValidUpdate(JsonObject body)
    {
        AssertValidArguments("chat.update", body);
        Assert.Matches(@"^\d{10}\.\d{6}$", body["ts"]!.GetValue<string>());
        AssertMessageWithinLimits(body);
        AssertValidMetadata(body["metadata"]);
    }

    /// <summary>Message metadata: an <c>event_type</c> and an <c>event_payload</c> object (docs: messaging/message-metadata).</summary>
    public static void AssertValidMetadata(JsonNode? metadata)
    {
        if (metadata is null)
            return;
        var eventType = metadata["event_type"]?.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(eventType), "metadata needs an event_type");
        Assert.Matches("^[a-z0-9_]+$", eventType);
        Assert.IsType<JsonObject>(metadata["event_payload"]);
    }

    /// <summary>A message (chat.postMessage body or slash/response_url reply) whose blocks keep every limit.</summary>
    public static void AssertMessageWithinLimits(JsonObject message)
    {
        var text = message["text"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(text), "the notification fallback `text` must always be set");
        Assert.True(text!.Length <= 4000, $"text of {text.Length}");
        if (message["blocks"] is not JsonArray blocks)
            return;
        Assert.InRange(blocks.Count, 1, 50);
        var blockIds = new HashSet<string>();
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            if (block["block_id"]?.GetValue<string>() is { } id)
            {
                Assert.InRange(id.Length, 1, 255);
                Assert.True(blockIds.Add(id), $"block_id {id} repeated");
            }
            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    Assert.Equal("plain_text", block["text"]!["type"]!.GetValue<string>());
                    Assert.InRange(block["text"]!["text"]!.GetValue<string>().Length, 1, 150);
                    break;
                case "section":
                    Assert.InRange(block["text"]!["text"]!.GetValue<string>().Length, 1, 3000);
                    if (block["accessory"] is JsonObject accessory)
                        AssertElement(accessory);
                    break;
                case "context":
                    Assert.InRange(block["elements"]!.AsArray().Count, 1, 10);
                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, 25);
                    Assert.Equal(elements.Count, elements.Select(e => e!["action_id"]!.GetValue<string>()).Distinct().Count());
                    foreach (var element in elements)
                        AssertElement(element!.AsObject());
                    break;
                case "divider":
                    break;
                default:
                    Assert.Fail($"unexpected block type {block["type"]}");
                    break;
            }
        }
    }

    private static void AssertElement(JsonObject element)
    {
        switch (element["type"]!.GetValue<string>())
        {
            case "button":
                Assert.Equal("plain_text", element["text"]!["type"]!.GetValue<string>());
                Assert.InRange(element["text"]!["text"]!.GetValue<string>().Length, 1, 75);
                Assert.InRange(element["action_id"]!.GetValue<string>().Length, 1, 255);
                if (element["value"] is { } value)
                    Assert.InRange(value.GetValue<string>().Length, 1, 255);
                break;
            case "image":
                Assert.InRange(element["image_url"]!.GetValue<string>().Length, 1, 3000);
                Assert.InRange(element["alt_text"]!.GetValue<string>().Length, 1, 2000);
                break;
            default:
                Assert.Fail($"unexpected element type {element["type"]}");
                break;
        }
    }
}
