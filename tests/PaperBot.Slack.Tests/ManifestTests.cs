using System.Text.Json.Nodes;
using Json.Schema;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class ManifestTests
{
    private static readonly string Manifest = SlackManifest.Build(new Uri("https://paperbot.example.org/"));

    [Fact]
    public void The_manifest_is_valid_against_slacks_official_schema()
    {
        var result = Validate(Manifest);
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void The_schema_check_does_reject_a_broken_manifest()
    {
        var broken = JsonNode.Parse(Manifest)!;
        broken["features"]!["slash_commands"]![0]!["command"] = "papers";
        Assert.False(Validate(broken.ToJsonString()).IsValid);
    }

    // The official schema is draft-07 without a $schema keyword; registered once per process.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(
        Path.Combine(SlackSpecs.SlackSpecsFolder, "specs", "app-manifest.schema.1.0.0.json"), new BuildOptions { Dialect = Dialect.Draft07 }));

    private static EvaluationResults Validate(string manifest)
    {
        using var document = System.Text.Json.JsonDocument.Parse(manifest);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    [Fact]
    public void The_manifest_points_slack_at_the_three_endpoints_with_the_needed_scopes()
    {
        var manifest = JsonNode.Parse(Manifest)!;
        var command = manifest["features"]!["slash_commands"]![0]!;
        Assert.Equal("/papers", command["command"]!.GetValue<string>());
        Assert.Equal("https://paperbot.example.org/slack/commands", command["url"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(command["usage_hint"]!.GetValue<string>()));
        Assert.Equal(["app_mentions:read", "channels:history", "chat:write", "commands", "groups:history"], manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        Assert.Equal("https://paperbot.example.org/slack/interactions", manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>());
        Assert.True(manifest["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>());
        Assert.Equal("https://paperbot.example.org/slack/events", manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>());
        Assert.Equal("app_mention", manifest["settings"]!["event_subscriptions"]!["bot_events"]![0]!.GetValue<string>());
        Assert.False(manifest["settings"]!["token_rotation_enabled"]!.GetValue<bool>());
        Assert.False(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
    }
}
