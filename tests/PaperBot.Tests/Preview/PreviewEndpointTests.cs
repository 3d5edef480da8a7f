using System.Net;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Preview;

/// <summary>The preview's routes on the whole bot, over HTTP: bad dates are a clear 404, never a 500.</summary>
public sealed class PreviewEndpointTests(PreviewSession session) : IClassFixture<PreviewSession>
{
    [Theory]
    [InlineData("2026-02-30", "is not a date")]
    [InlineData("yesterday", "is not a date")]
    [InlineData("2025-12-25", "There is no edition for 2025-12-25")]
    public async Task A_preview_of_no_edition_is_a_404_saying_why(string date, string message)
    {
        using var response = await session.Bot.Client.GetAsync($"/editions/{date}/preview");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_edition_page_links_to_its_preview_and_the_stylesheet_is_served()
    {
        var edition = await session.Bot.Client.GetStringAsync($"/editions/{RealDigest.LatestDate}");
        Assert.Contains($"href=\"/editions/{RealDigest.LatestDate}/preview\"", edition);

        using var css = await session.Bot.Client.GetAsync("/preview.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".embed-bar", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_is_served_as_html_with_both_platforms()
    {
        using var response = await session.Bot.Client.GetAsync($"/editions/{RealDigest.LatestDate}/preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-platform=\"discord\"", html);
        Assert.Contains("data-platform=\"slack\"", html);
    }
}
