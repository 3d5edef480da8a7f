using Microsoft.Playwright;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Preview;

/// <summary>The preview page in headless Chromium, served by the whole bot from its digest folder.</summary>
public sealed class PreviewBrowserTests(PreviewSession session) : IClassFixture<PreviewSession>
{
    private static readonly string[] Platforms = ["discord", "slack"];

    [ChromiumFact]
    public async Task The_edition_page_links_to_a_preview_showing_every_paper_as_discord_and_as_slack_show_it()
    {
        var (page, console) = await session.OpenAsync($"/editions/{RealDigest.LatestDate}");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Preview") }).ClickAsync();
        await page.WaitForURLAsync($"**/editions/{RealDigest.LatestDate}/preview");

        foreach (var platform in Platforms)
        {
            var section = page.Locator($"[data-platform={platform}]");
            foreach (var paper in RealDigest.Latest.Papers)
            {
                var article = section.Locator($"article.paper[data-rank='{paper.Rank}']");
                var card = Visible(await article.Locator($"[data-item='card:{paper.Rank}'] .msg").InnerTextAsync());
                Assert.Contains(Visible(paper.Title), card);
                Assert.Contains(Visible(paper.Summary), card);
                var thread = Visible(await article.Locator(".thread").InnerTextAsync());
                Assert.Contains(Visible(paper.Abstract), thread);
                Assert.All(paper.KeyPoints, point => Assert.Contains(Visible(point), card + thread));
                Assert.True(await article.Locator(".thread [data-item^='reply:'] .msg").CountAsync() > 0, $"{platform} #{paper.Rank} has no reply in its thread");
            }
        }
        // The stylesheet is served and applied: Discord's dark theme, the embed's colour bar, the buttons.
        Assert.Equal("rgb(49, 51, 56)", await page.Locator("[data-platform=discord]").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal(4.0, await page.Locator("[data-platform=discord] .embed-bar").First.EvaluateAsync<double>("e => e.getBoundingClientRect().width"));
        Assert.True(await page.Locator("[data-platform=slack] .sl-actions a.button[href^='https://']").CountAsync() >= RealDigest.Latest.Papers.Count);
        Assert.Empty(console);
        await PreviewSession.SaveScreenshotAsync(page, "preview-desktop");
    }

    [ChromiumFact]
    public async Task Each_subscribed_channel_says_whether_when_and_how_the_edition_was_delivered()
    {
        var (page, _) = await session.OpenAsync($"/editions/{RealDigest.LatestDate}/preview");

        var discord = await Cells(page, $"discord:{PlatformFakes.DiscordChannel}");
        Assert.Equal(["Discord", PlatformFakes.DiscordChannel, "delivered"], discord[..3]);
        Assert.StartsWith("16", discord[3]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d UTC$", discord[4]);
        var slack = await Cells(page, $"slack:{PlatformFakes.SlackChannel}");
        Assert.Equal(["Slack", PlatformFakes.SlackChannel, "failed; not retried"], slack[..3]);
        Assert.Equal(PreviewSession.SlackError, slack[5]);
        var later = await Cells(page, $"slack:{PreviewSession.SecondSlackChannel}");
        Assert.Equal(["Slack", PreviewSession.SecondSlackChannel, "not delivered yet", "—", "—", "—"], later);
    }

    [ChromiumFact]
    public async Task A_digest_carrying_script_shows_it_as_text_and_runs_none_of_it()
    {
        var (page, console) = await session.OpenAsync($"/editions/{PreviewSession.HostileDate}/preview");
        await page.Locator("[data-platform=discord] [data-item='card:1']").HoverAsync(); // would fire an onmouseover that got through

        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.pwned"));
        Assert.Equal(0, await page.Locator("script, iframe, [onerror], [onmouseover]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
        foreach (var platform in Platforms)
        {
            var card = await page.Locator($"[data-platform={platform}] [data-item='card:1'] .msg").InnerTextAsync();
            Assert.Contains(PreviewSession.Attack + " Hostile Title", card);
        }
        Assert.Contains(PreviewSession.Attack, await page.Locator("[data-platform=discord] [data-item='card:1'] .embed-description").InnerTextAsync());
        Assert.Empty(console);
        await PreviewSession.SaveScreenshotAsync(page, "preview-hostile-digest");
    }

    [ChromiumFact]
    public async Task On_a_phone_the_page_fits_the_screen()
    {
        var (page, _) = await session.OpenAsync($"/editions/{RealDigest.LatestDate}/preview", new ViewportSize { Width = 390, Height = 844 });

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px phone screen");
        var table = await page.Locator("#deliveries .table-wrap").EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth");
        Assert.True(table <= 0, $"the deliveries table scrolls sideways by {table}px on a phone");
        var card = await page.Locator("[data-platform=discord] .embed").First.BoundingBoxAsync();
        Assert.True(card!.X >= 0 && card.X + card.Width <= 390, $"a Discord card spans {card.X}..{card.X + card.Width}px");
        await PreviewSession.SaveScreenshotAsync(page, "preview-phone");
    }

    private static async Task<string[]> Cells(IPage page, string channel)
    {
        var cells = page.Locator($"#deliveries tr[data-channel='{channel}'] td");
        return (await cells.AllInnerTextsAsync()).Select(t => t.Trim()).ToArray();
    }

    /// <summary>Text as shown: markdown markers gone, whitespace ignored (each platform breaks lines its own way).</summary>
    private static string Visible(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '_' or '`' or '•')).ToArray());
}
