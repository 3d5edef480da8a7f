using System.Text.Json;
using PaperBot.Core.Delivery;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

/// <summary><c>/papers subscribe</c>, <c>unsubscribe</c> and <c>status</c> through the signed interaction endpoint: private answers, in plain words.</summary>
public sealed class SubscriptionCommandTests : IAsyncLifetime
{
    private const int Ephemeral = 64;
    private static readonly ChannelRef Channel = new("discord", InteractionBodies.ChannelId);
    private readonly InMemoryArchive _archive = SampleEditions.Archive();
    private InteractionHost _host = null!;

    public async Task InitializeAsync() => _host = await InteractionHost.StartAsync(_archive);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(InteractionBodies.ManageChannels)]
    [InlineData("8")] // Administrator
    public async Task A_member_who_may_manage_the_channel_subscribes_it_and_hears_when_the_next_edition_comes(string permissions)
    {
        var reply = await _host.AnswerAsync(InteractionBodies.CommandBy("subscribe", permissions, options: [("time", "07:30"), ("timezone", "Asia/Seoul")]));

        var text = PrivateText(reply);
        Assert.Contains("Subscribed", text);
        Assert.Contains("07:30 Asia/Seoul", text);
        Assert.Contains("Next delivery", text);
        var stored = Assert.Single(await _archive.Record.ListSubscriptionsAsync());
        Assert.Equal(Channel, stored.Channel);
        Assert.True(stored.Active);
        Assert.Equal("Asia/Seoul", stored.TimeZone);
        Assert.Equal(new TimeOnly(7, 30), stored.TimeOfDay);
        Assert.Equal("53908232506183680", stored.ChangedBy);
    }

    [Fact]
    public async Task A_member_without_Manage_Channels_is_told_which_permission_is_needed_and_nothing_changes()
    {
        var subscribe = await _host.AnswerAsync(InteractionBodies.CommandBy("subscribe", InteractionBodies.PlainMember));
        var unsubscribe = await _host.AnswerAsync(InteractionBodies.CommandBy("unsubscribe", InteractionBodies.PlainMember));

        Assert.Contains("Manage Channels", PrivateText(subscribe));
        Assert.Contains("Manage Channels", PrivateText(unsubscribe));
        Assert.Empty(await _archive.Record.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task In_a_DM_subscribing_is_refused()
    {
        var reply = await _host.AnswerAsync(InteractionBodies.CommandBy("subscribe", permissions: null));

        Assert.Contains("server channels", PrivateText(reply));
        Assert.Empty(await _archive.Record.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task Status_shows_anyone_whether_the_channel_is_subscribed_and_when_its_next_edition_is_due()
    {
        var before = PrivateText(await _host.AnswerAsync(InteractionBodies.CommandBy("status", InteractionBodies.PlainMember)));
        await _host.AnswerAsync(InteractionBodies.CommandBy("subscribe", InteractionBodies.ManageChannels, options: ("time", "18:00")));
        var after = PrivateText(await _host.AnswerAsync(InteractionBodies.CommandBy("status", InteractionBodies.PlainMember)));

        Assert.Contains("not subscribed", before);
        Assert.Contains("subscribed: each new edition at 18:00 UTC", after);
        Assert.Contains("Next edition due", after);
    }

    [Fact]
    public async Task Unsubscribe_ends_the_subscription_and_says_so()
    {
        await _host.AnswerAsync(InteractionBodies.CommandBy("subscribe", InteractionBodies.ManageChannels));

        var reply = PrivateText(await _host.AnswerAsync(InteractionBodies.CommandBy("unsubscribe", InteractionBodies.ManageChannels)));

        Assert.Contains("Unsubscribed", reply);
        Assert.False(Assert.Single(await _archive.Record.ListSubscriptionsAsync()).Active);
        Assert.Contains("not subscribed", PrivateText(await _host.AnswerAsync(InteractionBodies.CommandBy("status", InteractionBodies.PlainMember))));
    }

    [Theory]
    [InlineData("time", "25:00", "HH:MM")]
    [InlineData("time", "9am", "such as 09:00")]
    [InlineData("timezone", "Mars/Base", "Asia/Seoul")]
    public async Task A_wrong_time_or_zone_gets_a_short_explanation_with_an_example_and_changes_nothing(string option, string value, string example)
    {
        var reply = PrivateText(await _host.AnswerAsync(InteractionBodies.CommandBy("subscribe", InteractionBodies.ManageChannels, options: (option, value))));

        Assert.Contains(value, reply);
        Assert.Contains(example, reply);
        Assert.Empty(await _archive.Record.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task Time_zones_are_suggested_by_the_typed_prefix_25_at_most()
    {
        var asia = Choices(await _host.AnswerAsync(InteractionBodies.Autocomplete("subscribe", "timezone", "Asia/")));
        var seoul = Choices(await _host.AnswerAsync(InteractionBodies.Autocomplete("subscribe", "timezone", "asia/seo", ("time", "09:00"))));
        var any = Choices(await _host.AnswerAsync(InteractionBodies.Autocomplete("subscribe", "timezone", "")));

        Assert.Equal(25, asia.Count);
        Assert.All(asia, zone => Assert.StartsWith("Asia/", zone));
        Assert.Equal(["Asia/Seoul"], seoul);
        Assert.Equal(25, any.Count);
    }

    private static string PrivateText(JsonElement reply)
    {
        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        var data = reply.GetProperty("data");
        Assert.Equal(Ephemeral, data.GetProperty("flags").GetInt32());
        return data.GetProperty("content").GetString()!;
    }

    private static List<string> Choices(JsonElement reply)
    {
        Assert.Equal(8, reply.GetProperty("type").GetInt32());
        return reply.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!).ToList();
    }
}
