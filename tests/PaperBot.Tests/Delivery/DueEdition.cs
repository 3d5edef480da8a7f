using System.Globalization;
using PaperBot.Core.Delivery;
using PaperBot.Storage;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Delivery;

/// <summary>
/// Today's edition in a workspace, owed at once to the channels given: their time of day (00:00 UTC) has passed, so a bot
/// process started on the workspace delivers it on its first look. Leases are short, so a killed copy's work is taken over
/// within seconds. <see cref="Expected"/> is what each channel must end up holding.
/// </summary>
internal sealed class DueEdition
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    private readonly BotWorkspace _workspace;

    private DueEdition(BotWorkspace workspace, Dictionary<string, string> environment, ExpectedEdition expected,
        IReadOnlyList<string> discordChannels, IReadOnlyList<string> slackChannels)
    {
        _workspace = workspace;
        Environment = environment;
        Expected = expected;
        DiscordChannels = discordChannels;
        SlackChannels = slackChannels;
    }

    /// <summary>The bot processes' environment; a test may change it before starting them (another database, say).</summary>
    public Dictionary<string, string> Environment { get; }

    public ExpectedEdition Expected { get; }

    public IReadOnlyList<string> DiscordChannels { get; }

    public IReadOnlyList<string> SlackChannels { get; }

    /// <param name="settings">More settings, or changes to these, by configuration key.</param>
    /// <param name="revise">Changes to the digest's text: the original digest's, dated today, with its first two papers.</param>
    public static async Task<DueEdition> WriteAsync(PlatformFakes fakes, BotWorkspace workspace, IReadOnlyList<string> discordChannels,
        IReadOnlyList<string> slackChannels, IReadOnlyDictionary<string, string?>? settings = null, Func<string, string>? revise = null)
    {
        // Two papers, so that Slack's pace of a message per second per channel keeps each delivery to a few seconds.
        var digest = workspace.WriteDigestDated(DateOnly.FromDateTime(DateTime.UtcNow),
            text => (revise ?? (t => t))(text[..text.IndexOf("\n## 3. ", StringComparison.Ordinal)]));
        var overrides = new Dictionary<string, string?>
        {
            ["Discord:Channels:0"] = null,
            ["Slack:Channels:0"] = null,
            ["Schedule:TimeOfDay"] = "00:00",
            ["Schedule:TimeZone"] = "UTC",
            ["Delivery:Lease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
            ["Digests:DebounceMilliseconds"] = "200",
        };
        for (var i = 0; i < discordChannels.Count; i++)
            overrides[$"Discord:Channels:{i}"] = discordChannels[i];
        for (var i = 0; i < slackChannels.Count; i++)
            overrides[$"Slack:Channels:{i}"] = slackChannels[i];
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            overrides[key] = value;

        var expected = await ExpectedEdition.RenderAsync(digest,
            [.. fakes.Arguments(overrides), "--Digests:Path", workspace.Digests, "--Storage:ConnectionString", $"Data Source={workspace.Database}"],
            ChannelsOf(discordChannels, slackChannels));
        return new DueEdition(workspace, fakes.Environment(workspace, overrides), expected, discordChannels, slackChannels);
    }

    /// <summary>A bot process on the workspace; it starts delivering as soon as its first ingest pass is done.</summary>
    public BotServer StartBot() => BotServer.Run(_workspace.Root, Environment);

    /// <summary>The bots keep the archive and the delivery record on this PostgreSQL database instead of the workspace's SQLite file.</summary>
    public void UsePostgres(string connectionString)
    {
        Environment["Storage__Provider"] = nameof(StorageProvider.Postgres);
        Environment["Storage__ConnectionString"] = connectionString;
    }

    /// <summary>
    /// Waits until the delivery record has every channel's delivery done, or failed for good, as the bots' first look at
    /// the schedule found it owed. (A bot logs "Delivered" only when it sent something itself.)
    /// </summary>
    public async Task WaitUntilFinishedAsync(IReadOnlyList<BotServer> bots, int seconds = 60)
    {
        foreach (var bot in bots)
            await bot.WaitForLineAsync(l => l.Contains("Schedule: ", StringComparison.Ordinal), seconds);
        var provider = Enum.Parse<StorageProvider>(Environment.GetValueOrDefault("Storage__Provider", nameof(StorageProvider.Sqlite)));
        await using var record = ArchiveStores.Create(provider, Environment["Storage__ConnectionString"]);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var finished = (await record.GetEditionDeliveriesAsync(Expected.Date))
                .Where(d => d.State == DeliveryState.Delivered || d.State == DeliveryState.Failed && d.Permanent)
                .Select(d => (d.Key.Platform, d.Key.Channel));
            var pending = Channels.Except(finished).ToList();
            if (pending.Count == 0)
                return;
            Assert.All(bots, b => Assert.False(b.HasExited, $"A bot exited:\n{b.AllText}"));
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not finished within {seconds} s: {string.Join(", ", pending)}\n{string.Join("\n----\n", bots.Select(b => b.AllText))}");
            await Task.Delay(100);
        }
    }

    public IEnumerable<(string Platform, string Channel)> Channels => ChannelsOf(DiscordChannels, SlackChannels);

    private static IEnumerable<(string Platform, string Channel)> ChannelsOf(IEnumerable<string> discord, IEnumerable<string> slack) =>
        discord.Select(c => ("discord", c)).Concat(slack.Select(c => ("slack", c)));

    /// <summary>Every channel but <paramref name="broken"/> holds the edition exactly once, in order.</summary>
    public void AssertDeliveredOnce(PlatformFakes fakes, params string[] broken)
    {
        foreach (var channel in DiscordChannels.Except(broken))
            Expected.AssertDeliveredOnce(fakes.Discord, channel);
        foreach (var channel in SlackChannels.Except(broken))
            Expected.AssertDeliveredOnce(fakes.Slack, channel);
    }
}
