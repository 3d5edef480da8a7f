using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Delivery;
using PaperBot.Digest;
using PaperBot.Hosting;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;

namespace PaperBot.Tests.Delivery;

/// <summary>
/// What delivering an edition sends to a channel, item by item in posting order, as the bot itself renders it (the bodies
/// <c>post --dry-run</c> prints): the oracle the fakes' channels are checked against after a crash, a race or a fault.
/// </summary>
internal sealed class ExpectedEdition
{
    private readonly Dictionary<(string Platform, string Channel), IReadOnlyList<DescribedRequest>> _requests;

    private ExpectedEdition(DateOnly date, Dictionary<(string, string), IReadOnlyList<DescribedRequest>> requests)
    {
        Date = date;
        _requests = requests;
    }

    public DateOnly Date { get; }

    /// <summary>
    /// Renders <paramref name="digest"/> for each channel with the bot's own services, built (never started) from
    /// <paramref name="arguments"/>.
    /// </summary>
    public static async Task<ExpectedEdition> RenderAsync(string digest, string[] arguments, IEnumerable<(string Platform, string Channel)> channels)
    {
        var edition = new MarkdigDigestParser().Parse(Path.GetFileName(digest), await File.ReadAllBytesAsync(digest)).Value;
        await using var app = PaperBotApp.Build(arguments);
        var fanOut = app.Services.GetRequiredService<DeliveryFanOut>();
        return new ExpectedEdition(edition.Date,
            channels.ToDictionary(c => c, c => EditionRequests.For(fanOut, fanOut.Platform(c.Platform)!, c.Channel, edition)));
    }

    public IReadOnlyList<DescribedRequest> Requests(string platform, string channel) => _requests[(platform, channel)];

    /// <summary>How many items one channel of <paramref name="platform"/> gets.</summary>
    public int ItemCount(string platform) => _requests.First(r => r.Key.Platform == platform).Value.Count;

    /// <summary>How many items come before <paramref name="item"/> in the channel's posting order.</summary>
    public int ItemsBefore(string platform, string channel, ItemKey item) => Requests(platform, channel).TakeWhile(r => r.Item != item).Count();

    /// <summary>The items the fake Discord holds for a channel: its messages, its threads and their messages.</summary>
    public static int ItemsIn(FakeDiscordApi discord, string channel) =>
        discord.MessagesIn(channel).Count + discord.ThreadsIn(channel).Sum(t => 1 + discord.MessagesIn(t.Id).Count);

    /// <summary>The <c>nonce</c> the Discord message of <paramref name="item"/> carries in <paramref name="channel"/>.</summary>
    private string DiscordNonce(string channel, ItemKey item) => NonceOf(Requests("discord", channel).Single(r => r.Item == item));

    private JsonElement DiscordBody(string channel, ItemKey item) => JsonDocument.Parse(Requests("discord", channel).Single(r => r.Item == item).Body).RootElement;

    /// <summary>Whether a request to the fake Discord sends <paramref name="item"/> to <paramref name="channel"/> (or to a thread in it).</summary>
    public Func<RecordedRequest, bool> DiscordRequestFor(string channel, ItemKey item)
    {
        var body = DiscordBody(channel, item);
        return item.Kind == ItemKind.Thread
            ? r => r.OperationId == "create_thread_from_message" && r.ChannelId == channel && r.Body.GetProperty("name").GetString() == body.GetProperty("name").GetString()
            : r => r.OperationId == "create_message" && r.Body.TryGetProperty("nonce", out var nonce) && nonce.GetString() == body.GetProperty("nonce").GetString();
    }

    /// <summary>How many times <paramref name="item"/> exists in the fake Discord's <paramref name="channel"/>, its threads included.</summary>
    public int CopiesOf(FakeDiscordApi discord, string channel, ItemKey item)
    {
        var body = DiscordBody(channel, item);
        if (item.Kind == ItemKind.Thread)
            return discord.ThreadsIn(channel).Count(t => t.Name == body.GetProperty("name").GetString());
        var nonce = body.GetProperty("nonce").GetString();
        return discord.MessagesIn(channel).Concat(discord.ThreadsIn(channel).SelectMany(t => discord.MessagesIn(t.Id))).Count(m => m.Nonce == nonce);
    }

    /// <summary>
    /// The channel holds the header and each paper's card in rank order, each card has its thread, each thread its replies in
    /// order, each exactly once (by the nonces the bot derives for each item); and Discord would have refused nothing sent.
    /// </summary>
    public void AssertDeliveredOnce(FakeDiscordApi discord, string channel)
    {
        Assert.Empty(discord.Violations);
        var requests = Requests("discord", channel);
        var messages = discord.MessagesIn(channel);
        Assert.Equal(requests.Where(r => r.Item.Kind is ItemKind.Header or ItemKind.Card).Select(r => NonceOf(r)), messages.Select(m => m.Nonce));
        foreach (var thread in requests.Where(r => r.Item.Kind == ItemKind.Thread))
        {
            var card = messages.Single(m => m.Nonce == DiscordNonce(channel, ItemKey.Card(thread.Item.Rank)));
            var started = discord.ThreadOf(card.Id);
            Assert.True(started is not null, $"card {thread.Item.Rank} in {channel} has no thread");
            Assert.Equal(JsonDocument.Parse(thread.Body).RootElement.GetProperty("name").GetString(), started.Name);
            Assert.Equal(requests.Where(r => r.Item.Kind == ItemKind.Reply && r.Item.Rank == thread.Item.Rank).Select(r => NonceOf(r)),
                discord.MessagesIn(started.Id).Select(m => m.Nonce));
        }
        Assert.Equal(requests.Count(r => r.Item.Kind == ItemKind.Thread), discord.ThreadsIn(channel).Count);
    }

    /// <summary>The channel reads header, card:1, reply:1:0, …, card:2, … by the messages' metadata: each item once, in order.</summary>
    public void AssertDeliveredOnce(FakeSlackApi slack, string channel)
    {
        Assert.Empty(slack.SpecViolations);
        Assert.Equal(Requests("slack", channel).Select(r => r.Item.Id), slack.ItemsIn(channel));
        Assert.All(slack.AllMessagesIn(channel), m => Assert.Equal(EditionDates.ToText(Date), m.Date));
    }

    private static string NonceOf(DescribedRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("nonce").GetString()!;
}
