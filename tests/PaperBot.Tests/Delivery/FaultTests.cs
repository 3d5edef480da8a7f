using PaperBot.Core.Delivery;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Delivery;

/// <summary>
/// The scheduled bot process delivering to several channels on both platforms while they misbehave in every way the issue
/// names: 429 storms with and without <c>global</c>, a 5xx before the message is created, a 5xx and a timeout after it is,
/// and a channel deleted in the middle of the edition. The healthy channels get the edition once, in order; the broken
/// ones are reported where an operator looks: the archive page and <c>/metrics</c>.
/// </summary>
public sealed class FaultTests : PlatformFakesTest
{
    private const string DeletedDiscordChannel = "1100000000000000024";
    private const string DeletedSlackChannel = "C0FAULTS04";
    private static readonly string[] DiscordChannels = ["1100000000000000021", "1100000000000000022", "1100000000000000023", DeletedDiscordChannel];
    private static readonly string[] SlackChannels = ["C0FAULTS01", "C0FAULTS02", "C0FAULTS03", DeletedSlackChannel];

    [Fact]
    public async Task Through_storms_5xx_and_timeouts_every_healthy_channel_gets_each_item_once_in_order_and_the_deleted_ones_are_reported()
    {
        // Long enough that only the held answers time out: a bot just started on a busy two-core machine can take over a
        // second for its first answers, and each such timeout is one more deduplicated re-send and one 429 it never saw.
        var due = await DueEdition.WriteAsync(Fakes, Workspace, DiscordChannels, SlackChannels, new Dictionary<string, string?>
        {
            ["Discord:RequestTimeout"] = "00:00:03",
            ["Slack:RequestTimeout"] = "00:00:03",
        });
        var discord = Fakes.Discord;
        discord.RateLimitStorm(2, retryAfter: 0.3, global: true);
        discord.RateLimitStorm(2, retryAfter: 0.3, global: false, match: r => r.ChannelId == DiscordChannels[1]);
        discord.FailNext(due.Expected.DiscordRequestFor(DiscordChannels[0], ItemKey.Card(1)), FakeFault.ServerError(500));
        discord.FailAfterCreating(due.Expected.DiscordRequestFor(DiscordChannels[1], ItemKey.Card(2)), 500);
        discord.TimeoutAfterCreating(due.Expected.DiscordRequestFor(DiscordChannels[2], ItemKey.Reply(1, 0)), TimeSpan.FromSeconds(10));
        discord.DeleteChannelAfter(DeletedDiscordChannel, messages: 2);
        var slack = Fakes.Slack;
        slack.Inject(SlackFault.HttpTooManyRequests, count: 2, channel: SlackChannels[0]);
        slack.Inject(SlackFault.RatelimitedError, channel: SlackChannels[1]);
        slack.Inject(SlackFault.ServerErrorBeforePosting, channel: SlackChannels[1], when: call => call.Item == "card:1");
        slack.Inject(SlackFault.ServerErrorAfterPosting, channel: SlackChannels[2], when: call => call.Item == "card:2");
        slack.Inject(SlackFault.TimeoutAfterPosting, channel: SlackChannels[0], when: call => call.Item == "reply:1:0");
        slack.DeleteChannelAfterPosts(DeletedSlackChannel, posts: 2);

        await using var bot = due.StartBot();
        using var http = new HttpClient { BaseAddress = await bot.WaitForAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
        await due.WaitUntilFinishedAsync([bot]);

        due.AssertDeliveredOnce(Fakes, broken: [DeletedDiscordChannel, DeletedSlackChannel]);
        Assert.Equal(2, discord.DeduplicatedSends); // the 500 and the timeout after creating, each re-sent with its nonce

        var page = await http.GetStringAsync("/");
        Assert.Contains("Deliveries that failed", page);
        Assert.Contains($"discord channel <code>{DeletedDiscordChannel}</code>", page);
        Assert.Contains($"slack channel <code>{DeletedSlackChannel}</code>", page);
        Assert.Contains("not retried for this edition", page);
        Assert.All(DiscordChannels.Concat(SlackChannels).Except([DeletedDiscordChannel, DeletedSlackChannel]),
            channel => Assert.DoesNotContain($"<code>{channel}</code>", page));

        var metrics = await MetricsPage.ScrapeAsync(http);
        Assert.Equal(4, discord.TooManyRequestsSent);
        Assert.Equal(3, slack.RateLimitedResponses + slack.RatelimitedErrors);
        Assert.Equal(1, metrics.Value("paperbot_delivery_failures_total", ("platform", "discord")));
        Assert.Equal(1, metrics.Value("paperbot_delivery_failures_total", ("platform", "slack")));
        Assert.Equal(discord.TooManyRequestsSent, metrics.Value("paperbot_rate_limited_total", ("platform", "discord")));
        Assert.Equal(slack.RateLimitedResponses + slack.RatelimitedErrors, metrics.Value("paperbot_rate_limited_total", ("platform", "slack")));
        Assert.Equal(DiscordChannels.Sum(c => ExpectedEdition.ItemsIn(discord, c)), metrics.Value("paperbot_items_posted_total", ("platform", "discord")));
        Assert.Equal(SlackChannels.Sum(c => slack.AllMessagesIn(c).Count), metrics.Value("paperbot_items_posted_total", ("platform", "slack")));
    }
}
