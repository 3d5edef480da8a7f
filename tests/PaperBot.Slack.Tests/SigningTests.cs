using System.Net;
using System.Text;
using System.Text.Json;
using PaperBot.Slack.Security;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class SigningTests
{
    private static readonly JsonElement Vector = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(SlackSpecs.SlackSpecsFolder, "examples", "signing_test_vector.docs.json"))).RootElement;

    private static string Secret => Vector.GetProperty("signing_secret").GetString()!;
    private static string Timestamp => Vector.GetProperty("headers").GetProperty("X-Slack-Request-Timestamp").GetString()!;
    private static string Signature => Vector.GetProperty("expected_signature").GetString()!;
    private static string Body => Vector.GetProperty("body").GetString()!;

    private static SlackRequestVerifier VerifierAt(long unixSeconds, string? secret = null) =>
        new(secret ?? Secret, new FixedTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Slacks_documented_example_is_accepted()
    {
        Assert.True(VerifierAt(long.Parse(Timestamp)).Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        var tampered = Body.Replace("text=", "text=admin");
        Assert.False(VerifierAt(long.Parse(Timestamp)).Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(tampered)));
    }

    [Fact]
    public void A_signature_with_one_digit_changed_is_refused()
    {
        var flipped = Signature[..^1] + (Signature[^1] == '3' ? '4' : '3');
        Assert.False(VerifierAt(long.Parse(Timestamp)).Verify(Timestamp, flipped, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_more_than_five_minutes_away_is_refused(int offsetSeconds)
    {
        // The signature is right for the timestamp, but the clock says the request is stale (or from the future).
        var verifier = VerifierAt(long.Parse(Timestamp) - offsetSeconds);
        Assert.False(verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void A_timestamp_within_five_minutes_is_accepted(int offsetSeconds)
    {
        Assert.True(VerifierAt(long.Parse(Timestamp) - offsetSeconds).Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Missing_headers_or_missing_secret_fail_closed()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        Assert.False(VerifierAt(long.Parse(Timestamp)).Verify(null, Signature, body));
        Assert.False(VerifierAt(long.Parse(Timestamp)).Verify(Timestamp, null, body));
        Assert.False(VerifierAt(long.Parse(Timestamp), secret: "").Verify(Timestamp, Signature, body));
    }

    [Fact]
    public async Task Over_http_an_unsigned_stale_or_tampered_request_gets_401()
    {
        await using var host = await SlackBotHost.StartAsync();
        var body = SlackBotHost.CommandBody("today", "https://hooks.slack.com/commands/1/2");

        var unsigned = await host.Client.PostAsync("/slack/commands", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var stale = await host.SendSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded", DateTimeOffset.UtcNow.AddMinutes(-6));
        var future = await host.SendSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded", DateTimeOffset.UtcNow.AddMinutes(6));
        var tampered = SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", SlackBotHost.Secret);
        tampered.Content = new StringContent(body.Replace("today", "help"), Encoding.UTF8, "application/x-www-form-urlencoded");
        var tamperedResponse = await host.Client.SendAsync(tampered);

        Assert.All([unsigned, stale, future, tamperedResponse], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Empty(host.Slack.Calls);
    }

    [Fact]
    public async Task Without_any_Slack_configuration_every_endpoint_answers_401()
    {
        await using var host = await SlackBotHost.StartAsync(settings: []);
        foreach (var path in new[] { "/slack/commands", "/slack/interactions", "/slack/events" })
        {
            var response = await host.SendSignedAsync(path, "text=today", "application/x-www-form-urlencoded");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Endpoints_mapped_without_the_Slack_services_answer_401()
    {
        await using var host = await SlackBotHost.StartAsync(addSlack: false);
        var response = await host.CommandAsync("today");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
