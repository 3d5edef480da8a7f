using System.Net;
using System.Text.Json.Nodes;
using PaperBot.Testing.Slack;

namespace PaperBot.Tests.EndToEnd;

/// <summary>Slack's <c>/papers</c> and Events API through the whole bot: signed over HTTP, answered from the real SQLite archive.</summary>
public sealed class SlackCommandTests : WholeBotTest
{
    [Fact]
    public async Task Points_2_answers_privately_with_the_title_and_every_key_point()
    {
        var reply = await Bot.SlackReplyAsync("points 2");

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        var text = AllText(reply);
        var paper = RealDigest.Paper(2);
        Assert.Contains(paper.Title, text);
        foreach (var point in paper.KeyPoints)
            Assert.Contains(point, text);
    }

    [Fact]
    public async Task A_day_without_an_edition_is_explained_privately_with_status_200()
    {
        var reply = await Bot.SlackReplyAsync("day 2099-01-01");

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        var text = AllText(reply);
        Assert.Contains("2099-01-01", text);
        Assert.Contains(RealDigest.LatestDate, text); // says which days there are
    }

    [Fact]
    public async Task A_tampered_command_is_refused_with_401()
    {
        var signed = SlackSigner.Request("/slack/commands", SlackBodies.Command("points 2", Fakes.ResponseUrls.UrlFor("x").ToString()),
            "application/x-www-form-urlencoded", PlatformFakes.SlackSigningSecret);
        signed.Content = new StringContent(SlackBodies.Command("points 3", Fakes.ResponseUrls.UrlFor("x").ToString()),
            System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await Bot.Bot.Client.SendAsync(signed);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Fakes.ResponseUrls.Received);
    }

    [Fact]
    public async Task A_command_signed_with_another_secret_is_refused_with_401()
    {
        using var response = await Bot.SlackAsync("/slack/commands", SlackBodies.Command("today", Fakes.ResponseUrls.UrlFor("x").ToString()),
            "application/x-www-form-urlencoded", secret: "not-the-signing-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge()
    {
        var challenge = SlackBodies.Example("url_verification.json");

        using var response = await Bot.SlackAsync("/slack/events", challenge.ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(challenge["challenge"]!.GetValue<string>(), answer["challenge"]!.GetValue<string>());
    }

    private static string AllText(JsonObject reply) => string.Join("\n", SlackCall.Strings(reply));
}
