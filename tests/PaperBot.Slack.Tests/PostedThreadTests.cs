using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests;

/// <summary>A mention in the thread of a card the delivery planner posted is about that card's paper.</summary>
public sealed class PostedThreadTests
{
    [Theory]
    [InlineData(2, "abstract", "우리는 개방형 체화 환경에서의 지속적인 기술 습득을 연구합니다.")]
    [InlineData(4, "points", "Data quality matters more than size.")]
    public async Task A_mention_under_a_delivered_card_is_answered_about_that_paper_in_its_thread(int rank, string question, string expected)
    {
        await using var host = await SlackBotHost.StartAsync();
        const string channel = "C0DELIVER1";
        var platform = host.Services.GetRequiredService<IDeliveryPlatform>();
        var planner = new DeliveryPlanner(host.Archive.Record, new DeliveryOptions(), new SenderId("test"), TimeProvider.System, NullLogger<DeliveryPlanner>.Instance);
        Assert.IsType<ChannelOutcome.Delivered>(await planner.DeliverAsync(platform, RenderedEditions.Render(platform, SampleEditions.Latest), channel, default));
        var card = host.Slack.MessagesIn(channel).Single(m => m.Item == $"card:{rank}");
        var posts = host.Slack.Posts.Count;

        var response = await host.SendSignedAsync("/slack/events", SlackBodies.AppMention(question, channel, card.Ts), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await host.Slack.WaitForPostsAsync(posts + 1))[^1];
        Assert.Equal(card.Ts, answer.ThreadTs);
        Assert.Contains(expected, answer.AllText);
        Assert.Equal(host.Slack.RepliesTo(channel, card.Ts)[^1].Ts, answer.Ts);
    }
}
