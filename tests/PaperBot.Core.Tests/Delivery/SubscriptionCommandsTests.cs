using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Results;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Tests.Delivery;

public sealed class SubscriptionCommandsTests
{
    private static readonly ChannelRef NewChannel = new("discord", "new-channel");
    private static readonly DateOnly Day1 = new(2026, 12, 1);

    // 15:57 UTC on 2026-12-01 is 00:57 on 12-02 in Seoul.
    private readonly ScheduleHarness _harness = new(new DateTimeOffset(2026, 12, 1, 15, 57, 0, TimeSpan.Zero));

    [Fact]
    public async Task Subscribing_says_when_the_next_edition_comes_in_the_channels_own_zone_and_how_soon()
    {
        var answer = await Notice(new PapersCommand.Subscribe("09:00", "Asia/Seoul"));

        Assert.Equal(
            "Subscribed: this channel gets each new edition at 09:00 Asia/Seoul.\nNext delivery: Wed 2026-12-02 09:00 Asia/Seoul (UTC+09:00), in 8 h 3 min.",
            answer);
        var stored = Assert.Single(await _harness.Record.ListSubscriptionsAsync());
        Assert.Equal(new StoredSubscription(NewChannel, true, new TimeOnly(9, 0), "Asia/Seoul", _harness.Clock.GetUtcNow(), "u1"), stored);
    }

    [Fact]
    public async Task Subscribing_again_changes_the_time_and_keeps_the_zone()
    {
        await Notice(new PapersCommand.Subscribe("09:00", "America/New_York"));
        var answer = await Notice(new PapersCommand.Subscribe("18:30", null));

        Assert.StartsWith("Updated: this channel gets each new edition at 18:30 America/New_York.", answer);
        Assert.Equal(new TimeOnly(18, 30), (await _harness.Directory.FindAsync(NewChannel))!.TimeOfDay);
    }

    [Fact]
    public async Task Without_a_time_or_zone_the_schedules_defaults_apply()
    {
        Assert.StartsWith("Subscribed: this channel gets each new edition at 09:00 UTC.", await Notice(new PapersCommand.Subscribe(null, null)));
    }

    [Theory]
    [InlineData("25:00", null, "`25:00` is not a time of day")]
    [InlineData("9pm", null, "`9pm` is not a time of day")]
    [InlineData(null, "Mars/Base", "`Mars/Base` is not a time zone")]
    public async Task A_wrong_time_or_zone_is_explained_with_an_example_and_changes_nothing(string? time, string? zone, string expected)
    {
        var answer = await _harness.Commands.AnswerAsync(new PapersCommand.Subscribe(time, zone), NewChannel, true, "u1");

        var problem = Assert.IsType<BadCommand>(answer.Problem);
        Assert.Contains(expected, problem.Message);
        Assert.Contains("/papers subscribe 09:00 Asia/Seoul", problem.Message);
        Assert.Empty(await _harness.Record.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task Only_someone_who_may_manage_the_channel_can_change_its_subscription()
    {
        var refused = await _harness.Commands.AnswerAsync(new PapersCommand.Subscribe("09:00", null), NewChannel, mayManageChannel: false, "u2");
        var unsubscribe = await _harness.Commands.AnswerAsync(new PapersCommand.Unsubscribe(), new ChannelRef("discord", "d1"), false, "u2");

        Assert.Contains("Manage Channels", Assert.IsType<NotAllowed>(refused.Problem).Message);
        Assert.IsType<NotAllowed>(unsubscribe.Problem);
        Assert.Empty(await _harness.Record.ListSubscriptionsAsync());
        Assert.IsType<PapersAnswer.Notice>((await _harness.Commands.AnswerAsync(new PapersCommand.Status(), NewChannel, false, "u2")).Value);
    }

    [Fact]
    public async Task Unsubscribing_a_configured_channel_outlasts_a_restart_and_says_how_to_come_back()
    {
        var answer = await Notice(new PapersCommand.Unsubscribe(), new ChannelRef("discord", "d1"));
        var restarted = new ScheduleHarness(_harness.Clock.GetUtcNow(), record: _harness.Record);

        Assert.Equal("Unsubscribed: this channel no longer gets the daily papers (it got them at 09:00 UTC). `/papers subscribe` brings them back.", answer);
        Assert.Null(await restarted.Directory.FindAsync(new ChannelRef("discord", "d1")));
        Assert.NotNull(await restarted.Directory.FindAsync(new ChannelRef("discord", "d2")));
        Assert.StartsWith("This channel was not subscribed; nothing changed.", await Notice(new PapersCommand.Unsubscribe(), new ChannelRef("discord", "d1")));
    }

    [Fact]
    public async Task Status_says_the_time_the_next_edition_what_came_last_and_the_last_error()
    {
        var harness = new ScheduleHarness(new DateTimeOffset(2026, 12, 1, 8, 59, 0, TimeSpan.Zero));
        harness.Archive.Add(ScheduleHarness.Edition(Day1));
        harness.Discord.Failures.Add(("d2", ItemKey.Card(1), new PlatformRejected("discord", "Missing Access")));
        await harness.RunUntilAsync(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero));
        async Task<string> Notice(PapersCommand.ChannelCommand command, ChannelRef channel) =>
            Assert.IsType<PapersAnswer.Notice>((await harness.Commands.AnswerAsync(command, channel, true, "u1")).Value).Text;

        var ok = await Notice(new PapersCommand.Status(), new ChannelRef("discord", "d1"));
        var broken = await Notice(new PapersCommand.Status(), new ChannelRef("discord", "d2"));
        var none = await Notice(new PapersCommand.Status(), NewChannel);

        Assert.Equal(
            "This channel is subscribed: each new edition at 09:00 UTC (from PaperBot's settings).\n" +
            "Next edition due: Wed 2026-12-02 09:00 UTC (UTC+00:00), in 23 h 30 min.\n" +
            "Last edition received: 2026-12-01, delivered Tue 2026-12-01 09:00 UTC (UTC+00:00).", ok);
        Assert.Contains("No edition has been delivered here yet.", broken);
        Assert.Contains("Last delivery error (2026-12-01 edition, Tue 2026-12-01 09:00 UTC (UTC+00:00)): discord refused: Missing Access", broken);
        Assert.Contains("It is not retried for this edition", broken);
        Assert.StartsWith("This channel is not subscribed.", none);
    }

    private async Task<string> Notice(PapersCommand.ChannelCommand command, ChannelRef? channel = null)
    {
        var answer = await _harness.Commands.AnswerAsync(command, channel ?? NewChannel, true, "u1");
        return Assert.IsType<PapersAnswer.Notice>(answer.Value).Text;
    }
}
