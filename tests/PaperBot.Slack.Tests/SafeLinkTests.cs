using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Commands;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Slack.WebApi;
using PaperBot.Testing;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

/// <summary>Only http(s) links reach Slack, whatever schemes the digest's paper links, thumbnails and markdown links use.</summary>
public sealed class SafeLinkTests
{
    private const string Channel = SlackDelivery.Channel;

    [Fact]
    public async Task No_link_but_http_reaches_a_posted_message()
    {
        await using var delivery = await SlackDelivery.StartAsync();
        var slack = delivery.Slack;
        var key = SlackDelivery.Key(HostileEditions.Edition, Channel);

        var bodies = delivery.Render(HostileEditions.Edition).Items.Select(item => JsonNode.Parse(delivery.Platform.DescribeRequest(key, item, "1700000000.000001"))).ToList();
        var outcome = await delivery.DeliverAsync(HostileEditions.Edition, Channel);

        Assert.IsType<Core.Delivery.ChannelOutcome.Delivered>(outcome);
        Assert.All(slack.Posts, post => SlackSpecs.AssertValidPostMessage(post.Body));
        AssertOnlyHttpLinks(bodies.Concat(slack.Posts.Select(post => (JsonNode?)post.Body)));
        Assert.Contains(bodies.SelectMany(HostileEditions.SlackLinks), link => link == "https://example.org/fine");
    }

    [Fact]
    public async Task No_link_but_http_reaches_a_command_a_button_or_a_mention_answer()
    {
        await using var host = await SlackBotHost.StartAsync();
        host.Archive.Add(HostileEditions.Edition);
        var answers = new List<JsonNode?>();
        foreach (var text in new[] { "today public", "day 2026-01-09", "points 1", "abstract 1", "points 2", "abstract 2", "search paper", "points [x](javascript:alert(14))" })
        {
            using var response = await host.CommandAsync(text);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
        }

        var click = SlackBodies.Example("block_actions_message_button.bolt-python.json");
        click["response_url"] = host.ResponseUrls.UrlFor("hostile").ToString();
        click["actions"]![0]!["action_id"] = PaperButtons.AbstractAction;
        click["actions"]![0]!["value"] = PaperButton.Abstract(HostileEditions.Date, 1);
        await host.SendSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(click.ToJsonString()), "application/x-www-form-urlencoded");
        answers.AddRange((await host.ResponseUrls.WaitForAsync(1)).Select(received => (JsonNode?)received.Body));
        await host.SendSignedAsync("/slack/events", SlackBodies.AppMention("points 1 2026-01-09", Channel, threadTs: null), "application/json");
        answers.AddRange((await host.Slack.WaitForPostsAsync(1)).Select(post => (JsonNode?)post.Body));

        Assert.Equal(10, answers.Count);
        AssertOnlyHttpLinks(answers);
    }

    private static void AssertOnlyHttpLinks(IEnumerable<JsonNode?> bodies)
    {
        var links = bodies.SelectMany(HostileEditions.SlackLinks).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(HostileEditions.IsHttp(link), $"a link to {link}"));
    }
}
