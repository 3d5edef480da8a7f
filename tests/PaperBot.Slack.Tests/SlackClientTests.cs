using System.Text.Json.Nodes;
using PaperBot.Core.Delivery;
using PaperBot.Core.Results;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Slack.WebApi;
using PaperBot.Slack.Wire;
using PaperBot.Testing;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests;

/// <summary>The Web API client's pacing, retries and error mapping, seen through the delivery platform's primitives.</summary>
public sealed class SlackClientTests : IAsyncLifetime
{
    private SlackDelivery _delivery = null!;

    private FakeSlackApi Slack => _delivery.Slack;

    private static DeliveryKey Key(string channel = SlackDelivery.Channel) => new("slack", channel, SampleEditions.LatestDate);

    private RenderedItem Header => _delivery.Render(SampleEditions.Latest).Items[0];

    public async Task InitializeAsync() => _delivery = await SlackDelivery.StartAsync();

    public async Task DisposeAsync() => await _delivery.DisposeAsync();

    [Fact]
    public async Task Posts_to_one_channel_are_an_interval_apart_and_other_channels_do_not_wait_for_it()
    {
        for (var i = 0; i < 4; i++)
            Assert.True((await _delivery.Platform.SendHeaderAsync(Key(), Header, default)).IsSuccess);
        // The fake clock stands still and the client's waits return at once, so each slot is one interval after the one before.
        var waits = _delivery.Delays.Requested.ToList();
        var interval = ChannelPacer.Interval + ChannelPacer.Margin;
        Assert.Equal([1 * interval, 2 * interval, 3 * interval], waits);

        Assert.True((await _delivery.Platform.SendHeaderAsync(Key(SlackDelivery.OtherChannel), Header, default)).IsSuccess);
        Assert.Equal(3, _delivery.Delays.Requested.Count);
    }

    [Fact]
    public async Task Updates_and_reads_are_not_held_to_the_channels_message_pace()
    {
        var posted = await _delivery.Platform.SendHeaderAsync(Key(), Header, default);
        for (var i = 0; i < 3; i++)
            Assert.True((await _delivery.Platform.EditAsync(Key(), Header, posted.Value, null, default)).IsSuccess);
        Assert.Equal(posted.Value, (await _delivery.Platform.FindUnrecordedAsync(Key(), Header, null, _delivery.Time.GetUtcNow(), default)).Value);

        Assert.Empty(_delivery.Delays.Requested);
        Assert.Equal(3, Slack.MessagesIn(SlackDelivery.Channel)[0].Edits);
    }

    [Fact]
    public async Task A_rate_limit_pauses_every_post_for_the_retry_after_slack_gives()
    {
        Slack.Inject(SlackFault.HttpTooManyRequests, retryAfterSeconds: 7);

        Assert.True((await _delivery.Platform.SendHeaderAsync(Key(), Header, default)).IsSuccess);
        Assert.True((await _delivery.Platform.SendHeaderAsync(Key(SlackDelivery.OtherChannel), Header, default)).IsSuccess);

        // Both the retried post and the other channel's post wait out the pause (the clock stands still here).
        Assert.Equal(2, _delivery.Delays.Requested.Count(d => d >= TimeSpan.FromSeconds(7) && d <= TimeSpan.FromSeconds(7.25)));
    }

    [Fact]
    public async Task A_retry_after_beyond_patience_is_unavailable_at_once_and_nothing_is_posted()
    {
        Slack.Inject(SlackFault.HttpTooManyRequests, retryAfterSeconds: 3600);

        var sent = await _delivery.Platform.SendHeaderAsync(Key(), Header, default);

        var problem = Assert.IsType<PlatformUnavailable>(sent.Problem);
        Assert.Contains("asked to wait 3600 s", problem.Message);
        Assert.Equal(1, Slack.CallCount("chat.postMessage"));
        Assert.Empty(Slack.AllMessagesIn(SlackDelivery.Channel));
    }

    [Fact]
    public async Task Server_errors_without_end_give_up_after_a_bounded_number_of_tries()
    {
        Slack.Inject(SlackFault.ServerErrorBeforePosting, count: 100);

        var sent = await _delivery.Platform.SendHeaderAsync(Key(), Header, default);

        Assert.IsType<PlatformUnavailable>(sent.Problem);
        Assert.Equal(new RetryPolicy().MaxAttempts, Slack.CallCount("chat.postMessage"));
        Assert.Equal(new RetryPolicy().MaxAttempts, Slack.CallCount("conversations.history")); // looked for before each try, and after the last
        Assert.Empty(Slack.AllMessagesIn(SlackDelivery.Channel));
    }

    [Fact]
    public async Task A_post_without_metadata_that_may_have_been_posted_is_not_sent_again()
    {
        Slack.Inject(SlackFault.ServerErrorAfterPosting);

        var posted = await _delivery.Chat.PostMessageAsync(new ChatPostMessageRequest(SlackDelivery.Channel, "an answer"));

        Assert.IsType<SlackApiUnavailable>(posted.Problem);
        Assert.Contains("not repeated", posted.Problem!.Message);
        Assert.Single(Slack.AllMessagesIn(SlackDelivery.Channel));
        Assert.Equal(1, Slack.CallCount("chat.postMessage"));
    }

    [Fact]
    public async Task A_lookup_that_fails_stops_the_post_rather_than_risk_a_second_copy()
    {
        Slack.Inject(SlackFault.ServerErrorAfterPosting);
        Slack.Inject(SlackFault.HttpTooManyRequests, count: 100, method: "conversations.history");

        var sent = await _delivery.Platform.SendHeaderAsync(Key(), Header, default);

        Assert.IsType<PlatformUnavailable>(sent.Problem);
        Assert.Contains("looking for it failed", sent.Problem!.Message);
        Assert.Single(Slack.AllMessagesIn(SlackDelivery.Channel));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    [InlineData("invalid_auth")]
    [InlineData("account_inactive")]
    [InlineData("missing_scope")]
    [InlineData("restricted_action")]
    [InlineData("msg_too_long")]
    [InlineData("invalid_blocks")]
    public async Task Refusals_that_will_not_change_are_rejected_at_once(string error)
    {
        Slack.Refuse(SlackDelivery.Channel, error);

        var sent = await _delivery.Platform.SendHeaderAsync(Key(), Header, default);

        var problem = Assert.IsType<PlatformRejected>(sent.Problem);
        Assert.Contains(error, problem.Message);
        Assert.Equal(1, Slack.CallCount("chat.postMessage"));
    }

    [Theory]
    [InlineData("internal_error")]
    [InlineData("fatal_error")]
    [InlineData("service_unavailable")]
    [InlineData("request_timeout")]
    [InlineData("ratelimited")]
    public async Task Slacks_passing_errors_are_unavailable_after_the_retries(string error)
    {
        Slack.Refuse(SlackDelivery.Channel, error);

        var sent = await _delivery.Platform.SendHeaderAsync(Key(), Header, default);

        Assert.IsType<PlatformUnavailable>(sent.Problem);
        Assert.Contains(error, sent.Problem!.Message);
    }

    [Theory]
    [InlineData("message_not_found")]
    [InlineData("cant_update_message")]
    [InlineData("edit_window_closed")]
    public async Task An_edit_of_a_message_that_is_gone_is_rejected(string error)
    {
        var posted = await _delivery.Platform.SendHeaderAsync(Key(), Header, default);
        Slack.Refuse(SlackDelivery.Channel, error);

        var edited = await _delivery.Platform.EditAsync(Key(), Header, posted.Value, null, default);

        Assert.Contains(error, Assert.IsType<PlatformRejected>(edited.Problem).Message);
    }

    [Fact]
    public async Task Editing_a_ts_slack_does_not_know_is_message_not_found()
    {
        var edited = await _delivery.Platform.EditAsync(Key(), Header, "1700000000.000001", null, default);

        Assert.Contains("message_not_found", Assert.IsType<PlatformRejected>(edited.Problem).Message);
        Assert.Empty(Slack.SpecViolations);
    }

    [Fact]
    public async Task Looking_for_an_item_that_is_not_there_is_null_and_only_this_editions_item_counts()
    {
        await _delivery.Platform.SendHeaderAsync(new DeliveryKey("slack", SlackDelivery.Channel, SampleEditions.EarlierDate),
            _delivery.Render(SampleEditions.Earlier).Items[0], default);

        var found = await _delivery.Platform.FindUnrecordedAsync(Key(), Header, null, _delivery.Time.GetUtcNow(), default);

        Assert.True(found.IsSuccess);
        Assert.Null(found.Value);
    }

    [Fact]
    public void The_dry_run_shows_each_request_body_as_sent_with_channel_metadata_and_the_threads_placeholder()
    {
        var items = _delivery.Render(SampleEditions.Latest).Items;
        var reply = items.First(i => i.Key.Kind == ItemKind.Reply);

        var header = JsonNode.Parse(_delivery.Platform.DescribeRequest(Key(), items[0], null))!.AsObject();
        var described = JsonNode.Parse(_delivery.Platform.DescribeRequest(Key(), reply, "(id of card 1)"))!.AsObject();

        SlackSpecs.AssertValidPostMessage(header);
        SlackSpecs.AssertValidPostMessage(described);
        Assert.Equal(SlackDelivery.Channel, header["channel"]!.GetValue<string>());
        Assert.Null(header["thread_ts"]);
        Assert.Equal("header", header["metadata"]!["event_payload"]!["item"]!.GetValue<string>());
        Assert.Equal("(id of card 1)", described["thread_ts"]!.GetValue<string>());
        Assert.Equal(reply.Key.Id, described["metadata"]!["event_payload"]!["item"]!.GetValue<string>());
        Assert.Equal("2026-01-08", described["metadata"]!["event_payload"]!["date"]!.GetValue<string>());
        Assert.Contains("망각", _delivery.Platform.DescribeRequest(Key(), items[1], null)); // Hangul as it is
        Assert.Empty(Slack.Calls);
    }

    [Fact]
    public void The_content_hash_is_the_same_for_every_channel_and_changes_with_the_content()
    {
        var first = _delivery.Render(SampleEditions.Latest).Items;
        var again = _delivery.Render(SampleEditions.Latest).Items;
        var revised = _delivery.Render(SampleEditions.Latest with { Papers = [SampleEditions.Latest.Papers[0] with { Title = "Renamed" }, .. SampleEditions.Latest.Papers.Skip(1)] }).Items;

        Assert.Equal(first.Select(i => i.ContentHash), again.Select(i => i.ContentHash));
        Assert.NotEqual(first[1].ContentHash, revised[1].ContentHash);
        Assert.Equal(first[0].ContentHash, revised[0].ContentHash);
        Assert.Equal(first.Count, first.Select(i => i.ContentHash).Distinct().Count());
    }
}
