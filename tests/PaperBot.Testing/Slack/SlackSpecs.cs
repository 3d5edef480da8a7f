using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace PaperBot.Testing.Slack;

/// <summary>Checks request bodies against Slack's official Web API spec and the Block Kit limits of CONTRACT.md §4.</summary>
public static class SlackSpecs
{
    public static string SlackSpecsFolder => Path.Combine(SharedPaths.PlatformSpecs, "slack");

    private static readonly Lazy<(HashSet<string> Known, HashSet<string> Required)> PostMessageParameters = new(() =>
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(SlackSpecsFolder, "web-api-openapi.json")));
        var parameters = spec.RootElement.GetProperty("paths").GetProperty("/chat.postMessage").GetProperty("post").GetProperty("parameters");
        var known = new HashSet<string>();
        var required = new HashSet<string>();
        foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "formData"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            known.Add(name);
            if (parameter.TryGetProperty("required", out var r) && r.GetBoolean())
                required.Add(name);
        }
        // Newer than the 2020 spec, documented on the current chat.postMessage page (CONTRACT.md §2).
        known.Add("metadata");
        return (known, required);
    });

    public static void AssertValidPostMessage(JsonObject body)
    {
        var (known, required) = PostMessageParameters.Value;
        var unknown = body.Select(p => p.Key).Where(name => !known.Contains(name)).ToList();
        Assert.True(unknown.Count == 0, "not chat.postMessage arguments: " + string.Join(", ", unknown));
        foreach (var name in required)
            Assert.True(body.ContainsKey(name), $"chat.postMessage needs `{name}`");
        Assert.DoesNotContain("token", body.Select(p => p.Key));
        AssertMessageWithinLimits(body);
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
