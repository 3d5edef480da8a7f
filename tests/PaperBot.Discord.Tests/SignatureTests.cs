using System.Net;
using System.Text;
using System.Text.Json;
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
        await using var host = await InteractionHost.StartAsync(SampleEditions.Archive(), publicKeyHex: fixture.GetProperty("public_key_hex").GetString());

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
