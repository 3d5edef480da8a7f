using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Slack.WebApi;
using PaperBot.Testing;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests.Fakes;

/// <summary>
/// Core's delivery planner driving the Slack platform as the host composes it, over real loopback HTTP against the fake
/// Slack, with an in-memory record and one fake clock for the planner, the Slack client and the fake's <c>ts</c>.
/// The client's waits are recorded and instant.
/// </summary>
public sealed class SlackDelivery : IAsyncDisposable
{
    public const string Channel = "C0PAPERS01";
    public const string OtherChannel = "C0PAPERS02";

    private ServiceProvider _services = null!;

    public FakeSlackApi Slack { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.Zero));

    public InMemoryDeliveryRecord Record { get; } = new();

    public InstantDelays Delays { get; } = new();

    public DeliveryOptions Options { get; } = new();

    public IDeliveryPlatform Platform => _services.GetRequiredService<IDeliveryPlatform>();

    public ChatApi Chat => _services.GetRequiredService<ChatApi>();

    public DeliveryPlanner Planner(string sender = "sender-a") =>
        new(Record, Options, new SenderId(sender), Time, NullLogger<DeliveryPlanner>.Instance);

    public static async Task<SlackDelivery> StartAsync(TimeSpan? requestTimeout = null, TimeSpan? timeoutHold = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var delivery = new SlackDelivery();
        delivery.Slack = await FakeSlackApi.StartAsync(new FakeSlackOptions { Clock = delivery.Time, TimeoutHold = timeoutHold ?? TimeSpan.FromSeconds(10) });
        var values = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackBotHost.Secret,
            ["Slack:BotToken"] = SlackBotHost.Token,
            ["Slack:ApiBaseUrl"] = delivery.Slack.ApiBaseUrl.ToString(),
            ["Slack:Channels"] = $"{Channel},{OtherChannel}",
            ["Slack:RequestTimeout"] = (requestTimeout ?? TimeSpan.FromSeconds(30)).ToString(),
            ["Digests:ImageBaseUrl"] = "https://digests.example.org/2026/",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        delivery._services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(delivery.Time)
            .AddSingleton<ISlackDelays>(delivery.Delays)
            .AddPaperBotSlack(configuration)
            .BuildServiceProvider();
        return delivery;
    }

    public RenderedEdition Render(Edition edition) => RenderedEditions.Render(Platform, edition);

    public Task<ChannelOutcome> DeliverAsync(Edition edition, string channel = Channel, string sender = "sender-a") =>
        Planner(sender).DeliverAsync(Platform, Render(edition), channel, CancellationToken.None);

    public static DeliveryKey Key(Edition edition, string channel = Channel) => new("slack", channel, edition.Date);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
