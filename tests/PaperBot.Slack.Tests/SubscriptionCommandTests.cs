using System.Text.Json.Nodes;
using PaperBot.Core.Delivery;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests;

/// <summary><c>/papers subscribe | unsubscribe | status</c> through the signed commands endpoint, for the channel they were used in.</summary>
public sealed class SubscriptionCommandTests : IAsyncLifetime
{
    private const string Channel = "C0SUBSCRB1";
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> AnswerTo(string text, string channel = Channel)
    {
        var reply = await _host.CommandReplyAsync(text, channel);
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        SlackSpecs.AssertMessageWithinLimits(reply);
        return string.Join("\n", SlackCall.Strings(reply));
    }

    private async Task<Core.Subscriptions.StoredSubscription?> StoredAsync(string channel = Channel) =>
        (await _host.Archive.Record.ListSubscriptionsAsync()).SingleOrDefault(s => s.Channel == new ChannelRef("slack", channel));

    [Fact]
    public async Task Subscribe_without_a_time_uses_the_schedules_defaults_and_says_when_the_next_edition_comes()
    {
        var answer = await AnswerTo("subscribe");

        Assert.Contains("Subscribed: this channel gets each new edition at 09:00 UTC.", answer);
        Assert.Contains("Next delivery:", answer);
        var stored = await StoredAsync();
        Assert.NotNull(stored);
        Assert.True(stored.Active);
        Assert.Equal(new TimeOnly(9, 0), stored.TimeOfDay);
        Assert.Equal("U2147483697", stored.ChangedBy); // the user_id of the command
    }

    [Fact]
    public async Task Subscribe_with_a_time_and_a_zone_keeps_both_and_a_second_subscribe_changes_the_time()
    {
        var answer = await AnswerTo("subscribe 18:30 Asia/Seoul");
        Assert.Contains("at 18:30 Asia/Seoul", answer);
        Assert.Contains("Asia/Seoul (UTC+09:00)", answer);

        var changed = await AnswerTo("subscribe 07:15");
        Assert.Contains("Updated: this channel gets each new edition at 07:15 Asia/Seoul.", changed);
        var stored = await StoredAsync();
        Assert.Equal(new TimeOnly(7, 15), stored!.TimeOfDay);
        Assert.Equal("Asia/Seoul", stored.TimeZone);
    }

    [Fact]
    public async Task Status_tells_whether_the_channel_is_subscribed()
    {
        Assert.Contains("This channel is not subscribed.", await AnswerTo("status"));

        await AnswerTo("subscribe 08:00 America/New_York");
        var status = await AnswerTo("status");

        Assert.Contains("This channel is subscribed: each new edition at 08:00 America/New_York.", status);
        Assert.Contains("Next edition due:", status);
        Assert.Contains("No edition has been delivered here yet.", status);
    }

    [Fact]
    public async Task Unsubscribe_ends_the_subscription_and_status_then_says_so()
    {
        await AnswerTo("subscribe");

        Assert.Contains("Unsubscribed: this channel no longer gets the daily papers", await AnswerTo("unsubscribe"));
        Assert.Contains("This channel is not subscribed.", await AnswerTo("status"));
        Assert.False((await StoredAsync())!.Active);
        Assert.Contains("was not subscribed; nothing changed", await AnswerTo("unsubscribe"));
    }

    [Fact]
    public async Task A_subscription_is_for_the_channel_the_command_came_from()
    {
        await AnswerTo("subscribe", channel: "C0OTHERCH1");

        Assert.Contains("This channel is not subscribed.", await AnswerTo("status"));
        Assert.Null(await StoredAsync());
        Assert.NotNull(await StoredAsync("C0OTHERCH1"));
    }

    [Theory]
    [InlineData("subscribe 25:00", "`25:00` is not a time of day", "such as 09:00 or 18:30")]
    [InlineData("subscribe 9.30", "`9.30` is not a time of day", "such as 09:00 or 18:30")]
    [InlineData("subscribe 09:00 Mars/Base", "`Mars/Base` is not a time zone", "such as Asia/Seoul")]
    [InlineData("subscribe 09:00 Asia/Seoul extra", "`subscribe` takes a time and a time zone", "/papers subscribe 09:00 Asia/Seoul")]
    public async Task A_bad_time_or_zone_gets_a_short_explanation_with_an_example_and_changes_nothing(string text, string reason, string example)
    {
        var answer = await AnswerTo(text);

        Assert.Contains(reason, answer);
        Assert.Contains(example, answer);
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task The_subscription_answers_are_block_kit_that_slack_accepts()
    {
        var reply = await _host.CommandReplyAsync("subscribe 09:00 Asia/Seoul", Channel);
        var blocks = reply["blocks"]!.AsArray();
        Assert.All(blocks, b => Assert.Equal("section", b!["type"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(reply["text"]!.GetValue<string>()));
        Assert.Empty(_host.Slack.Calls); // answered in the HTTP response, not posted
    }
}
