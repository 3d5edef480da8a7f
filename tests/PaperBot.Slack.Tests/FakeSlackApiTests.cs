using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests;

/// <summary>The fake Slack answers the way Slack's documentation says Slack does, so tests against it mean something.</summary>
public sealed class FakeSlackApiTests : IAsyncLifetime
{
    private const string Channel = "C0FAKE0001";
    private FakeSlackApi _slack = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync() => await StartAsync(new FakeSlackOptions());

    private async Task StartAsync(FakeSlackOptions options)
    {
        _slack = await FakeSlackApi.StartAsync(options);
        _client = new HttpClient { BaseAddress = new Uri(_slack.ApiBaseUrl + "/") };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "xoxb-fake.test");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _slack.DisposeAsync();
    }

    private async Task<JsonObject> PostAsync(string method, JsonObject body)
    {
        var response = await _client.PostAsJsonAsync(method, body);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> GetAsync(string methodAndQuery) => (await _client.GetFromJsonAsync<JsonObject>(methodAndQuery))!;

    private async Task<string> PostMessageAsync(string text, string? threadTs = null, string? item = null)
    {
        var body = new JsonObject { ["channel"] = Channel, ["text"] = text };
        if (threadTs is not null)
            body["thread_ts"] = threadTs;
        if (item is not null)
            body["metadata"] = new JsonObject { ["event_type"] = "paperbot_item", ["event_payload"] = new JsonObject { ["date"] = "2026-01-08", ["item"] = item } };
        var answer = await PostAsync("chat.postMessage", body);
        Assert.True(answer["ok"]!.GetValue<bool>(), answer.ToJsonString());
        Assert.Matches(@"^\d{10}\.\d{6}$", answer["ts"]!.GetValue<string>());
        return answer["ts"]!.GetValue<string>();
    }

    private static IEnumerable<string> Texts(JsonObject answer) => answer["messages"]!.AsArray().Select(m => m!["text"]!.GetValue<string>());

    [Fact]
    public async Task History_is_the_channels_own_messages_newest_first_without_thread_replies()
    {
        var first = await PostMessageAsync("first");
        await PostMessageAsync("a reply", threadTs: first);
        await PostMessageAsync("second");

        var history = await GetAsync($"conversations.history?channel={Channel}");

        Assert.True(history["ok"]!.GetValue<bool>());
        Assert.Equal(["second", "first"], Texts(history));
        var parent = history["messages"]![1]!;
        Assert.Equal(first, parent["thread_ts"]!.GetValue<string>());
        Assert.Equal(1, parent["reply_count"]!.GetValue<int>());
        Assert.False(history["has_more"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Metadata_comes_back_only_with_include_all_metadata()
    {
        await PostMessageAsync("card", item: "card:1");

        var without = await GetAsync($"conversations.history?channel={Channel}");
        var with = await GetAsync($"conversations.history?channel={Channel}&include_all_metadata=true");

        Assert.Null(without["messages"]![0]!["metadata"]);
        Assert.Equal("card:1", with["messages"]![0]!["metadata"]!["event_payload"]!["item"]!.GetValue<string>());
        Assert.Equal("paperbot_item", with["messages"]![0]!["metadata"]!["event_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_pages_with_limit_and_cursor_and_keeps_to_oldest_and_latest()
    {
        var ts = new List<string>();
        for (var i = 1; i <= 5; i++)
            ts.Add(await PostMessageAsync($"m{i}"));

        var page1 = await GetAsync($"conversations.history?channel={Channel}&limit=2");
        var cursor = page1["response_metadata"]!["next_cursor"]!.GetValue<string>();
        var page2 = await GetAsync($"conversations.history?channel={Channel}&limit=2&cursor={Uri.EscapeDataString(cursor)}");
        var cursor2 = page2["response_metadata"]!["next_cursor"]!.GetValue<string>();
        var page3 = await GetAsync($"conversations.history?channel={Channel}&limit=2&cursor={Uri.EscapeDataString(cursor2)}");
        var window = await GetAsync($"conversations.history?channel={Channel}&oldest={ts[1]}&latest={ts[4]}");
        var inclusive = await GetAsync($"conversations.history?channel={Channel}&oldest={ts[1]}&latest={ts[4]}&inclusive=true");

        Assert.Equal(["m5", "m4"], Texts(page1));
        Assert.True(page1["has_more"]!.GetValue<bool>());
        Assert.Equal(["m3", "m2"], Texts(page2));
        Assert.Equal(["m1"], Texts(page3));
        Assert.False(page3["has_more"]!.GetValue<bool>());
        Assert.Equal("", page3["response_metadata"]!["next_cursor"]!.GetValue<string>());
        Assert.Equal(["m4", "m3"], Texts(window));
        Assert.Equal(["m5", "m4", "m3", "m2"], Texts(inclusive));
    }

    [Fact]
    public async Task Replies_are_the_parent_first_then_the_replies_oldest_first()
    {
        var parent = await PostMessageAsync("parent");
        await PostMessageAsync("r1", threadTs: parent);
        await PostMessageAsync("elsewhere");
        await PostMessageAsync("r2", threadTs: parent);
        await PostMessageAsync("r3", threadTs: parent);

        var all = await GetAsync($"conversations.replies?channel={Channel}&ts={parent}");
        var page1 = await GetAsync($"conversations.replies?channel={Channel}&ts={parent}&limit=2");
        var page2 = await GetAsync($"conversations.replies?channel={Channel}&ts={parent}&limit=2&cursor={Uri.EscapeDataString(page1["response_metadata"]!["next_cursor"]!.GetValue<string>())}");
        var unknown = await GetAsync($"conversations.replies?channel={Channel}&ts=1600000000.000001");

        Assert.Equal(["parent", "r1", "r2", "r3"], Texts(all));
        Assert.Equal(["parent", "r1"], Texts(page1));
        Assert.Equal(["r2", "r3"], Texts(page2));
        Assert.Equal("thread_not_found", unknown["error"]!.GetValue<string>());
        Assert.Equal(["r1", "r2", "r3"], _slack.RepliesTo(Channel, parent).Select(m => m.Text));
        Assert.Equal(["parent", "elsewhere"], _slack.MessagesIn(Channel).Select(m => m.Text));
    }

    [Fact]
    public async Task Chat_update_changes_the_stored_message_and_an_unknown_ts_is_message_not_found()
    {
        var ts = await PostMessageAsync("before", item: "card:1");

        var updated = await PostAsync("chat.update", new JsonObject { ["channel"] = Channel, ["ts"] = ts, ["text"] = "after" });
        var unknown = await PostAsync("chat.update", new JsonObject { ["channel"] = Channel, ["ts"] = "1600000000.000001", ["text"] = "x" });

        Assert.True(updated["ok"]!.GetValue<bool>());
        Assert.Equal(ts, updated["ts"]!.GetValue<string>());
        var message = Assert.Single(_slack.MessagesIn(Channel));
        Assert.Equal("after", message.Text);
        Assert.Equal(1, message.Edits);
        Assert.Equal("card:1", message.Item); // metadata kept when the update sends none
        Assert.Equal("message_not_found", unknown["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_channel_is_channel_not_found_for_every_method()
    {
        var ts = await PostMessageAsync("there");
        _slack.DeleteChannel(Channel);

        Assert.Equal("channel_not_found", (await PostAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "x" }))["error"]!.GetValue<string>());
        Assert.Equal("channel_not_found", (await PostAsync("chat.update", new JsonObject { ["channel"] = Channel, ["ts"] = ts, ["text"] = "x" }))["error"]!.GetValue<string>());
        Assert.Equal("channel_not_found", (await GetAsync($"conversations.history?channel={Channel}"))["error"]!.GetValue<string>());
        Assert.Equal("channel_not_found", (await GetAsync($"conversations.replies?channel={Channel}&ts={ts}"))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Requests_outside_the_official_spec_are_refused_and_reported()
    {
        var answer = await PostAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "x", ["token"] = "xoxb-in-the-body", ["colour"] = "red" });

        Assert.Equal("invalid_arguments", answer["error"]!.GetValue<string>());
        Assert.Contains("colour", Assert.Single(_slack.SpecViolations));
        Assert.Empty(_slack.MessagesIn(Channel));
    }

    [Fact]
    public async Task Faults_after_posting_keep_the_message_the_client_never_hears_of()
    {
        _slack.Inject(SlackFault.ServerErrorAfterPosting);
        _slack.Inject(SlackFault.ServerErrorBeforePosting);

        var after = await _client.PostAsJsonAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "kept" });
        var before = await _client.PostAsJsonAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "dropped" });

        Assert.Equal(HttpStatusCode.InternalServerError, after.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, before.StatusCode);
        Assert.Equal(["kept"], _slack.MessagesIn(Channel).Select(m => m.Text));
    }

    [Fact]
    public async Task A_timeout_after_posting_holds_the_answer_past_the_clients_patience()
    {
        _slack.Inject(SlackFault.TimeoutAfterPosting);
        using var impatient = new HttpClient { BaseAddress = _client.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostAsJsonAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "late" }));

        Assert.Equal(["late"], _slack.MessagesIn(Channel).Select(m => m.Text));
    }

    [Fact]
    public async Task In_limit_mode_a_second_post_within_the_interval_in_one_channel_is_429_with_the_wait_left_and_counted()
    {
        await DisposeAsync();
        await StartAsync(new FakeSlackOptions { EnforceMessageRate = true, MessageInterval = TimeSpan.FromSeconds(30) });

        await PostMessageAsync("one");
        var refused = await _client.PostAsJsonAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "two" });
        var otherChannel = await PostAsync("chat.postMessage", new JsonObject { ["channel"] = "C0FAKE0002", ["text"] = "elsewhere" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter!.Delta);
        Assert.Equal("ratelimited", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
        Assert.True(otherChannel["ok"]!.GetValue<bool>());
        Assert.Equal(1, _slack.RateLimitedResponses);
        Assert.Equal(["one"], _slack.MessagesIn(Channel).Select(m => m.Text));
    }

    [Fact]
    public async Task A_held_request_waits_until_released()
    {
        var hold = _slack.Hold(c => c.Method == "chat.postMessage", HoldPoint.AfterStoring);

        var posting = PostMessageAsync("held");
        await hold.Reached;
        Assert.Single(_slack.MessagesIn(Channel)); // stored, the answer not yet sent
        Assert.False(posting.IsCompleted);

        hold.Release();
        await posting;
    }
}
