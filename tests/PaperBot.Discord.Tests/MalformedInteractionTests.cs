using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperBot.Core.Commands;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;
using Xunit.Abstractions;

namespace PaperBot.Discord.Tests;

/// <summary>A correctly signed interaction that is malformed is answered with 400 and a short reason, never a 500.</summary>
public sealed class MalformedInteractionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int FuzzCases = 1500;
    private readonly LogCapture _logs = new();
    private InteractionHost _host = null!;

    public async Task InitializeAsync() => _host = await InteractionHost.StartAsync(SampleEditions.Archive(), logs: _logs);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"type":2,"data":{"name":"papers","options":[null]}}""")]
    [InlineData("""{"type":2,"data":{"name":"papers","options":[{"name":"points","type":1,"options":[null]}]}}""")]
    [InlineData("""{"type":2,"data":{"name":"papers","options":[{"name":"day","type":1,"options":[{"name":"date","type":3,"value":"2026-01-07"},null]}]}}""")]
    [InlineData("""{"type":4,"data":{"name":"papers","options":[{"name":"points","type":1,"options":[null,{"name":"paper","type":3,"value":"","focused":true}]}]}}""")]
    [InlineData("""{"type":2,"data":{"name":"papers","options":[{"name":null,"type":1}]}}""")]
    public async Task Null_inside_an_option_array_is_a_400_with_a_reason(string body)
    {
        using var response = await _host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("malformed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_mutations_of_the_sample_interactions_are_answered_with_200_or_400_and_never_fail()
    {
        var seeds = Seeds();
        var fuzzer = new JsonFuzzer(new Random(20260108));
        var statuses = new Dictionary<HttpStatusCode, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < FuzzCases; i++)
        {
            var body = fuzzer.Mutate(seeds[i % seeds.Count]);
            using var response = await _host.PostBytesAsync(body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                $"case {i}: {(int)response.StatusCode} for {Encoding.UTF8.GetString(body)}\n{text}");
            if (response.StatusCode == HttpStatusCode.OK)
                JsonDocument.Parse(text).Dispose();
            else
                Assert.NotEmpty(text);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }
        output.WriteLine($"{FuzzCases} cases in {clock.ElapsedMilliseconds} ms: " + string.Join(", ", statuses.Select(s => $"{(int)s.Key} × {s.Value}")));

        Assert.DoesNotContain(_logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > FuzzCases / 10, "the mutations should leave many interactions answerable");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > FuzzCases / 10, "the mutations should break many interactions");
    }

    /// <summary>The interactions of the shared examples, and the same shapes carrying PaperBot's own commands.</summary>
    private static List<JsonNode> Seeds()
    {
        var examples = Path.Combine(SharedPaths.PlatformSpecs, "discord", "examples");
        var seeds = Directory.GetFiles(examples, "interaction-*.json").Order(StringComparer.Ordinal)
            .Where(file => !file.Contains("responses", StringComparison.Ordinal))
            .Select(file => JsonNode.Parse(File.ReadAllText(file))!)
            .ToList();
        Assert.NotEmpty(seeds);
        string[] own =
        [
            InteractionBodies.Ping(),
            InteractionBodies.Command("points", options: ("paper", "2")),
            InteractionBodies.Command("abstract", options: [("paper", "2601.03509"), ("date", "2026-01-07")]),
            InteractionBodies.Command("day", options: [("date", "2026-01-07"), ("public", true)]),
            InteractionBodies.Command("today", options: ("public", true)),
            InteractionBodies.Command("search", options: ("query", "diffusion")),
            InteractionBodies.Command("help"),
            InteractionBodies.Autocomplete("points", "paper", "dif", ("date", "2026-01-08")),
            InteractionBodies.Autocomplete("day", "date", "2026"),
            InteractionBodies.Button(PaperButton.KeyPoints(SampleEditions.LatestDate, 2)),
        ];
        seeds.AddRange(own.Select(body => JsonNode.Parse(body)!));
        return seeds;
    }
}
