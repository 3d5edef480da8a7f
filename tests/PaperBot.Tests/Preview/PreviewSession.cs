using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Preview;

/// <summary>
/// The whole bot as <c>run</c> starts it (digest folder, SQLite archive, Discord and Slack configured against their fakes),
/// with some deliveries recorded, and a headless Chromium to look at its pages. Shared by the browser tests of a class.
/// </summary>
public sealed class PreviewSession : IAsyncLifetime
{
    public const string HostileDate = "2026-01-09";
    public const string Attack = "<script>window.pwned=1</script>";
    public const string SecondSlackChannel = "C0PAPERS02";
    public const string SlackError = "channel_not_found: <b>the channel is gone</b>";

    private readonly TempFolder _profile = new();
    private PlatformFakes? _fakes;
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;

    internal BotWorkspace Workspace { get; } = new();

    internal RunningBot Bot { get; private set; } = null!;

    public Uri Address => Bot.Client.BaseAddress!;

    /// <summary>Where the screenshots go: <c>TestResults/preview/</c> at the repository root (kept by CI with the other results).</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(SharedPaths.RepositoryRoot, "TestResults", "preview")).FullName;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(Workspace.Digests, HostileDate + ".md"), HostileDigest);
        _fakes = await PlatformFakes.StartAsync();
        Bot = await RunningBot.StartAsync(Workspace.Digests, Workspace.Database, [.. _fakes.Arguments(), "--Schedule:MaxAgeDays", "0"]);
        await RunningBot.EventuallyAsync(async () => (await Bot.Client.GetAsync($"/editions/{HostileDate}")).IsSuccessStatusCode
                                                     && (await Bot.Client.GetAsync($"/editions/{RealDigest.LatestDate}")).IsSuccessStatusCode);
        await RecordDeliveriesAsync();
    }

    /// <summary>Headless Chromium with a fresh profile, started by the first page a test opens (a class's tests run one at a time).</summary>
    private async Task<IBrowserContext> BrowserAsync()
    {
        if (_browser is not null)
            return _browser;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // The page's own address only: thumbnails get a stand-in image, anything else on the internet is refused.
        await _browser.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).IsLoopback)
                await route.ContinueAsync();
            else if (route.Request.ResourceType == "image")
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "image/png", BodyBytes = StandInImage });
            else
                await route.AbortAsync();
        });
        return _browser;
    }

    /// <summary>A page at <paramref name="path"/>, loaded with its stylesheet, with every console message kept.</summary>
    public async Task<(IPage Page, List<string> Console)> OpenAsync(string path, ViewportSize? viewport = null)
    {
        var page = await (await BrowserAsync()).NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        page.PageError += (_, error) => console.Add("page error: " + error);
        if (viewport is not null)
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        var response = await page.GotoAsync(new Uri(Address, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
        return (page, console);
    }

    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(Artifacts, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} is suspiciously small");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        await Bot.DisposeAsync();
        if (_fakes is not null)
            await _fakes.DisposeAsync();
        Workspace.Dispose();
        _profile.Dispose();
    }

    /// <summary>Through the record's own port, as a delivery would: Discord got the edition, the Slack channel failed, a second Slack channel subscribed later.</summary>
    private async Task RecordDeliveriesAsync()
    {
        var record = Bot.Services.GetRequiredService<IDeliveryRecord>();
        var date = DateOnly.Parse(RealDigest.LatestDate, System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var discord = new DeliveryKey("discord", PlatformFakes.DiscordChannel, date);
        Assert.NotNull(await record.TryLeaseAsync(discord, "preview-test", "fingerprint", now, now.AddMinutes(1)));
        await record.FinishAsync(discord, "preview-test", DeliveryFinish.Delivered("fingerprint", 16), now);
        var slack = new DeliveryKey("slack", PlatformFakes.SlackChannel, date);
        Assert.NotNull(await record.TryLeaseAsync(slack, "preview-test", "fingerprint", now, now.AddMinutes(1)));
        await record.FinishAsync(slack, "preview-test", new DeliveryFinish(DeliveryState.Failed, "fingerprint", 1, SlackError, Permanent: true), now);
        await Bot.Services.GetRequiredService<SubscriptionDirectory>()
            .SubscribeAsync(new ChannelRef("slack", SecondSlackChannel), new TimeOnly(9, 0), TimeZoneInfo.Utc, "preview-test");
    }

    /// <summary>A digest whose every part carries markup that would run if the page let it through.</summary>
    private const string HostileDigest = $"""
        # {HostileDate} Daily Papers (Top 1)

        ## 1. [{Attack} Hostile Title](https://huggingface.co/papers/2601.09999)
        **Upvotes**: 7

        ### 📌 요약
        Summary {Attack} with <img src=x onerror="window.pwned=2"> and [a link](javascript:window.pwned=3) inside.

        ### 📝 초록 (번역)
        Abstract {Attack} <iframe src="javascript:window.pwned=4"></iframe> end.

        ### 🔑 핵심 포인트
        - Point <b onmouseover="window.pwned=5">bold?</b> {Attack}
        """;

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] StandInImage = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}
