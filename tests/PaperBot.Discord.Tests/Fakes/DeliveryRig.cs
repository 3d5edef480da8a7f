using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Rendering;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;
using PaperBot.Testing;
using PaperBot.Testing.Discord;

namespace PaperBot.Discord.Tests.Fakes;

/// <summary>
/// Core's delivery planner driving the Discord platform, as the host wires it, over real loopback HTTP against the fake:
/// what the fake's channels hold afterwards is what Discord's would.
/// </summary>
internal sealed class DeliveryRig : IAsyncDisposable
{
    public static readonly DiscordRestTimings QuickTimings = new()
    {
        BackoffBase = TimeSpan.FromMilliseconds(10), BackoffCap = TimeSpan.FromMilliseconds(40), RequestTimeout = TimeSpan.FromSeconds(5),
    };

    private DeliveryRig(FakeDiscordApi discord, ServiceProvider services, InMemoryArchive archive)
    {
        Discord = discord;
        Services = services;
        Record = archive.Record;
        Platform = services.GetServices<IDeliveryPlatform>().Single(p => p.Platform == "discord");
        var options = new DeliveryOptions();
        Planner = new DeliveryPlanner(Record, options, new SenderId("test-sender"), TimeProvider.System, NullLogger<DeliveryPlanner>.Instance);
        FanOut = new DeliveryFanOut(Planner, new RenderedEditions(), [Platform], options, NullLogger<DeliveryFanOut>.Instance);
    }

    public FakeDiscordApi Discord { get; }

    public ServiceProvider Services { get; }

    public InMemoryDeliveryRecord Record { get; }

    public IDeliveryPlatform Platform { get; }

    public DeliveryPlanner Planner { get; }

    public DeliveryFanOut FanOut { get; }

    public static async Task<DeliveryRig> StartAsync(FakeDiscordOptions? options = null, DiscordRestTimings? timings = null,
        Dictionary<string, string?>? settings = null)
    {
        var discord = await FakeDiscordApi.StartAsync(options);
        var archive = SampleEditions.Archive();
        var services = DiscordServices.Build(discord, archive, timings ?? QuickTimings, settings);
        return new DeliveryRig(discord, services, archive);
    }

    public Task<ChannelOutcome> DeliverAsync(Edition edition, string channel) =>
        FanOut.DeliverOneAsync(new DeliveryJob(new ChannelRef("discord", channel), edition), CancellationToken.None);

    public Task<IReadOnlyList<ChannelOutcome>> DeliverAsync(Edition edition, params string[] channels) =>
        FanOut.DeliverAsync(channels.Select(c => new DeliveryJob(new ChannelRef("discord", c), edition)).ToList(), CancellationToken.None);

    /// <summary>How many requests delivering the edition to one channel makes when nothing goes wrong.</summary>
    public static int RequestsFor(Edition edition) => 1 + edition.Papers.Sum(p => 2 + ThreadAbstract(edition.Date, p).Count);

    /// <summary>The replies in a paper's thread, as the platform renders them without <c>Web:PublicUrl</c>.</summary>
    public static IReadOnlyList<Wire.MessagePayload> ThreadAbstract(DateOnly date, Paper paper) =>
        EditionMessages.ThreadAbstract(paper, ArchiveLinks.None.ContinuationOf(date, paper));

    /// <summary>The request bodies delivering the edition to the channel sends, in order (what <c>post --dry-run</c> prints).</summary>
    public IReadOnlyList<string> RequestBodies(Edition edition, string channel)
    {
        var key = new DeliveryKey("discord", channel, edition.Date);
        return RenderedEditions.Render(Platform, edition).Items.Select(item => Platform.DescribeRequest(key, item, null)).ToList();
    }

    /// <summary>
    /// The channel holds the header, then each paper's card in rank order, each card has its thread with the abstract's pieces
    /// in order, each exactly once; and nothing the client sent would Discord have refused.
    /// </summary>
    public void AssertDeliveredOnce(Edition edition, string channel)
    {
        Assert.Empty(Discord.Violations);
        var messages = Discord.MessagesIn(channel);
        Assert.Equal(1 + edition.Papers.Count, messages.Count);
        Assert.Contains($"Daily papers · {edition.Date:yyyy-MM-dd}", messages[0].Content);
        var threads = Discord.ThreadsIn(channel);
        Assert.Equal(edition.Papers.Count, threads.Count);
        for (var i = 0; i < edition.Papers.Count; i++)
        {
            var paper = edition.Papers[i];
            var card = messages[i + 1];
            Assert.Equal(EditionMessages.RankedTitle(paper), card.EmbedTitle);
            var thread = Discord.ThreadOf(card.Id);
            Assert.NotNull(thread);
            Assert.Equal(EditionMessages.Thread(paper).Name, thread.Name);
            Assert.Equal(ThreadAbstract(edition.Date, paper).Select(m => m.Content), Discord.MessagesIn(thread.Id).Select(m => m.Content));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Discord.DisposeAsync();
    }
}
