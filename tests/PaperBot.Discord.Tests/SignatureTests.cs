using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Discord.Security;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

public sealed class SignatureTests
{
    private static readonly string Examples = Path.Combine(SharedPaths.PlatformSpecs, "discord", "examples");

    public static TheoryData<string> Rfc8032Vectors()
    {
        var data = new TheoryData<string>();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Examples, "ed25519-rfc8032.json")));
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
            data.Add(vector.GetProperty("name").GetString()!);
        return data;
    }

    public static TheoryData<string> FixtureCases()
    {
        var data = new TheoryData<string>();
        foreach (var @case in Fixture().GetProperty("cases").EnumerateArray())
            data.Add(@case.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Rfc8032_vectors_verify_and_any_change_to_the_message_does_not(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Examples, "ed25519-rfc8032.json")));
        var vector = document.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        var verifier = new InteractionSignatureVerifier(vector.GetProperty("public_key").GetString());
        var message = Convert.FromHexString(vector.GetProperty("message").GetString()!);
        var signature = vector.GetProperty("signature").GetString()!;

        Assert.True(verifier.Verify(signature, message));
        Assert.False(verifier.Verify(signature, [.. message, 0x00]));
        Assert.True(verifier.Verify(signature.ToUpperInvariant(), message));
        Assert.False(verifier.Verify(FlipLastHexDigit(signature), message));
    }

    [Theory]
    [MemberData(nameof(FixtureCases))]
    public async Task The_shared_signed_fixture_gets_the_expected_status(string name)
    {
        var fixture = Fixture();
        var @case = fixture.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        // The fixture was signed once, long ago: the bot's clock is set to the moment it was signed.
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(fixture.GetProperty("cases")[0].GetProperty("timestamp").GetString()!));
        await using var host = await InteractionHost.StartAsync(SampleEditions.Archive(), publicKeyHex: fixture.GetProperty("public_key_hex").GetString(),
            time: new FakeTimeProvider(signedAt));

        using var response = await host.PostAsync(@case.GetProperty("body").GetString()!,
            signature: @case.GetProperty("signature").GetString(), timestamp: @case.GetProperty("timestamp").GetString());

        Assert.Equal(@case.GetProperty("expected_http_status").GetInt32(), (int)response.StatusCode);
        if (@case.GetProperty("expect_valid").GetBoolean())
            Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tampered_bodies_timestamps_and_signatures_and_missing_headers_get_401()
    {
        await using var host = await InteractionHost.StartAsync(SampleEditions.Archive());
        var body = InteractionBodies.Command("today");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var signature = host.Sign(timestamp, body);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(body, signature, timestamp)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(body.Replace("today", "help"), signature, timestamp)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(body, signature, (long.Parse(timestamp) + 1).ToString())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(body, FlipLastHexDigit(signature), timestamp)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(body, sign: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(body, signature: "zz" + signature[2..], timestamp: timestamp)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(body, signature: signature[..^2], timestamp: timestamp)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(body, signature: signature, timestamp: "")).StatusCode);
    }

    [Theory]
    [InlineData(-301, HttpStatusCode.Unauthorized)]
    [InlineData(301, HttpStatusCode.Unauthorized)]
    [InlineData(-299, HttpStatusCode.OK)]
    [InlineData(299, HttpStatusCode.OK)]
    [InlineData(0, HttpStatusCode.OK)]
    public async Task A_signed_request_more_than_five_minutes_from_now_either_way_is_refused_with_401(int secondsFromNow, HttpStatusCode expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.Zero));
        await using var host = await InteractionHost.StartAsync(SampleEditions.Archive(), time: time);
        var timestamp = (time.GetUtcNow().ToUnixTimeSeconds() + secondsFromNow).ToString(CultureInfo.InvariantCulture);

        using var response = await host.PostAsync(InteractionBodies.Ping(), timestamp: timestamp);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("99999999999999999999")]
    [InlineData("-1767862800")]
    [InlineData("+1767862800")]
    [InlineData(" 1767862800")]
    [InlineData("1767862800.5")]
    [InlineData("1.7678628e9")]
    [InlineData("0x695F7810")]
    public async Task A_correctly_signed_request_with_a_timestamp_from_1970_or_not_in_unix_seconds_is_refused_with_401(string timestamp)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1767862800));
        await using var host = await InteractionHost.StartAsync(SampleEditions.Archive(), time: time);

        using var response = await host.PostAsync(InteractionBodies.Command("today"), timestamp: timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Daily papers", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_allowed_age_is_the_MaxRequestAge_setting()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.Zero));
        await using var host = await InteractionHost.StartAsync(SampleEditions.Archive(), time: time,
            extraSettings: new() { ["Discord:MaxRequestAge"] = "00:00:30" });
        var now = time.GetUtcNow().ToUnixTimeSeconds();

        using var recent = await host.PostAsync(InteractionBodies.Ping(), timestamp: (now - 29).ToString(CultureInfo.InvariantCulture));
        using var old = await host.PostAsync(InteractionBodies.Ping(), timestamp: (now - 31).ToString(CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, recent.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
    }

    [Fact]
    public async Task A_request_signed_at_a_time_the_clock_then_leaves_behind_is_refused_once_it_is_too_old()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.Zero));
        await using var host = await InteractionHost.StartAsync(SampleEditions.Archive(), time: time);
        var body = InteractionBodies.Ping();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = host.Sign(timestamp, body);

        using var first = await host.PostAsync(body, signature, timestamp);
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using var replayed = await host.PostAsync(body, signature, timestamp);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Fact]
    public async Task Without_any_Discord_settings_the_endpoint_exists_and_refuses_everything()
    {
        await using var host = await InteractionHost.StartAsync(SampleEditions.Archive(), configured: false);

        using var response = await host.PostAsync(InteractionBodies.Ping());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_correctly_signed_body_that_is_not_JSON_gets_400_with_a_short_reason()
    {
        await using var host = await InteractionHost.StartAsync(SampleEditions.Archive());

        using var response = await host.PostAsync("{\"type\":2, this is not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("malformed JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_verifier_without_a_key_fails_closed()
    {
        var verifier = new InteractionSignatureVerifier((string?)null);

        Assert.False(verifier.HasKey);
        Assert.False(verifier.Verify(new string('0', 128), Encoding.UTF8.GetBytes("anything")));
    }

    private static JsonElement Fixture() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Examples, "discord-signature-fixture.generated.json"))).RootElement.Clone();

    private static string FlipLastHexDigit(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');
}
