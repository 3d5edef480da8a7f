using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PaperBot.Core.Commands;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Slack;
using Xunit;
using Xunit.Abstractions;

namespace PaperBot.Slack.Tests;

/// <summary>A correctly signed request that is malformed is a 400 (or, for a slash command, a private explanation), never a 500.</summary>
public sealed class MalformedPayloadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int FuzzCasesPerEndpoint = 500;
    private const string Form = "application/x-www-form-urlencoded";
    private readonly LogCapture _logs = new();
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync(logs: _logs);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"type":"block_actions","response_url":"https://hooks.slack.com/actions/T1/1/x","actions":[null]}""")]
    [InlineData("""{"type":"block_actions","response_url":"https://hooks.slack.com/actions/T1/1/x","actions":[{"action_id":"paper_points","value":"papers:points:2026-01-08:2"},null]}""")]
    public async Task Null_inside_the_actions_array_is_a_400(string payload)
    {
        using var response = await _host.SendSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(payload), Form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signed_mutations_of_the_sample_payloads_are_answered_with_200_or_400_on_every_endpoint()
    {
        var random = new Random(20260108);
        var fuzzer = new JsonFuzzer(random);
        var clock = Stopwatch.StartNew();

        var buttons = ButtonSeeds();
        await FuzzAsync("/slack/interactions", Form, i => random.Next(4) == 0
            ? fuzzer.MutateBytes(FormPayload(buttons[i % buttons.Count].ToJsonString()))
            : FormPayload(Encoding.UTF8.GetString(fuzzer.Mutate(buttons[i % buttons.Count]))), HttpStatusCode.OK, HttpStatusCode.BadRequest);

        var events = EventSeeds();
        await FuzzAsync("/slack/events", "application/json", i => fuzzer.Mutate(events[i % events.Count]), HttpStatusCode.OK, HttpStatusCode.BadRequest);

        var commands = CommandSeeds();
        await FuzzAsync("/slack/commands", Form, i => fuzzer.MutateBytes(MutateForm(commands[i % commands.Count], random)), HttpStatusCode.OK);

        output.WriteLine($"{3 * FuzzCasesPerEndpoint} cases in {clock.ElapsedMilliseconds} ms");
        Assert.DoesNotContain(_logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }

    private async Task FuzzAsync(string path, string contentType, Func<int, byte[]> body, params HttpStatusCode[] allowed)
    {
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < FuzzCasesPerEndpoint; i++)
        {
            var bytes = body(i);
            using var response = await _host.Client.SendAsync(SlackSigner.Request(path, bytes, contentType, SlackBotHost.Secret));
            Assert.True(allowed.Contains(response.StatusCode), $"{path} case {i}: {(int)response.StatusCode} for {Encoding.UTF8.GetString(bytes)}");
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }
        output.WriteLine($"{path}: " + string.Join(", ", statuses.Select(s => $"{(int)s.Key} × {s.Value}")));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > FuzzCasesPerEndpoint / 10, $"{path}: the mutations should leave many requests answerable");
    }

    private List<JsonNode> ButtonSeeds()
    {
        var own = SlackBodies.Example("block_actions_message_button.bolt-python.json");
        own["response_url"] = _host.ResponseUrls.UrlFor("fuzz").ToString();
        own["actions"]![0]!["action_id"] = PaperButtons.KeyPointsAction;
        own["actions"]![0]!["block_id"] = PaperButtons.ActionsBlockId;
        own["actions"]![0]!["value"] = PaperButton.KeyPoints(SampleEditions.LatestDate, 2);
        return [SlackBodies.Example("block_actions_message_button.bolt-python.json"), SlackBodies.Example("block_actions_payload.json"), own];
    }

    private static List<JsonNode> EventSeeds() =>
    [
        SlackBodies.Example("url_verification.json"),
        SlackBodies.Example("url_verification.docs.json"),
        SlackBodies.Example("app_mention_event_callback.json"),
        SlackBodies.Example("app_mention_in_thread_event_callback.derived.json"),
        JsonNode.Parse(SlackBodies.AppMention("points 2", "C0PAPERS01", threadTs: null, eventId: "EvFuzz0001"))!,
    ];

    private List<string> CommandSeeds() =>
    [
        File.ReadAllText(Path.Combine(SlackSpecs.SlackSpecsFolder, "examples", "slash_command_form_body.docs.txt")).Trim(),
        File.ReadAllText(Path.Combine(SlackSpecs.SlackSpecsFolder, "examples", "slash_command_signed_body.docs.txt")).Trim(),
        SlackBodies.Command("points 2", _host.ResponseUrls.UrlFor("cmd").ToString()),
        SlackBodies.Command("day 2026-01-07 public", _host.ResponseUrls.UrlFor("cmd").ToString()),
        SlackBodies.Command("search 망각", _host.ResponseUrls.UrlFor("cmd").ToString()),
    ];

    private static byte[] FormPayload(string json) => Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json));

    /// <summary>A field deleted or duplicated, or the command text replaced by hostile characters (escapes included, valid or not).</summary>
    private static byte[] MutateForm(string form, Random random)
    {
        var fields = form.Split('&').ToList();
        switch (random.Next(4))
        {
            case 0 when fields.Count > 0:
                fields.RemoveAt(random.Next(fields.Count));
                break;
            case 1 when fields.Count > 0:
                fields.Insert(random.Next(fields.Count), fields[random.Next(fields.Count)]);
                break;
            default:
                const string alphabet = "ab 1-:%+&=#@<>!`*_~\\\"'\u0000\u200b가망각é😀";
                var text = string.Concat(Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)]));
                var at = fields.FindIndex(f => f.StartsWith("text=", StringComparison.Ordinal));
                var field = "text=" + (random.Next(2) == 0 ? Uri.EscapeDataString(text) : text.Replace("&", "", StringComparison.Ordinal));
                if (at < 0)
                    fields.Add(field);
                else
                    fields[at] = field;
                break;
        }
        return Encoding.UTF8.GetBytes(string.Join('&', fields));
    }
}
