using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Delivery;
using PaperBot.Testing;
using PaperBot.Web.Preview;

namespace PaperBot.Tests.Preview;

/// <summary>The page renderer fed with request bodies: the platforms' own examples, and whole editions through <see cref="EditionRequests"/>.</summary>
public sealed class PreviewPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 8, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A platform's own example payload, copied byte for byte from the shared specs into tests/fixtures.</summary>
    private static string Example(string platform, string file) =>
        File.ReadAllText(Path.Combine(SharedPaths.RepositoryRoot, "tests", "fixtures", "platform-specs", platform, "examples", file));

    [Fact]
    public void A_discord_card_shows_its_embed_colour_bar_title_link_fields_thumbnail_footer_and_buttons()
    {
        var page = Render(Discord(
            new DescribedRequest(ItemKey.Card(1), Example("discord", "create-message-with-embed.request.assembled.json")),
            new DescribedRequest(ItemKey.Thread(1), Example("discord", "start-thread-from-message.request.assembled.json")),
            new DescribedRequest(ItemKey.Reply(1, 0), """{"content":"**Abstract**\nThe _whole_ abstract.","nonce":"1"}""")));

        var card = page.QuerySelector("[data-platform=discord] [data-item='card:1']")!;
        Assert.Equal("New post in #announcements", card.QuerySelector(".content")!.TextContent);
        var embed = card.QuerySelector(".embed")!;
        Assert.Equal("#58b9ff", embed.QuerySelector(".embed-bar rect")!.GetAttribute("fill")); // 5814783
        var title = embed.QuerySelector(".embed-title a")!;
        Assert.Equal(("Release 1.4.0", "https://example.com/releases/1.4.0"), (title.TextContent, title.GetAttribute("href")));
        Assert.Equal("noopener noreferrer nofollow", title.GetAttribute("rel"));
        Assert.Equal("Highlights of this release.", embed.QuerySelector(".embed-description")!.TextContent);
        Assert.Equal("Release Bot", embed.QuerySelector(".embed-author a")!.TextContent);
        Assert.Equal(["Version 1.4.0", "Channel stable"], embed.QuerySelectorAll(".embed-field.inline")
            .Select(f => f.QuerySelector(".embed-field-name")!.TextContent + " " + f.QuerySelector(".embed-field-value")!.TextContent));
        Assert.Equal("https://example.com/thumb.png", embed.QuerySelector("img.embed-thumbnail")!.GetAttribute("src"));
        Assert.Equal("https://example.com/banner.png", embed.QuerySelector("img.embed-image")!.GetAttribute("src"));
        Assert.Equal("example.com • 2026-08-01 12:00 UTC", embed.QuerySelector(".embed-footer")!.TextContent);

        var buttons = card.QuerySelectorAll(".components .action-row .button");
        Assert.Equal(2, buttons.Length);
        Assert.Equal(("SPAN", "Acknowledge"), (buttons[0].TagName, buttons[0].TextContent));
        Assert.Contains("primary", buttons[0].ClassList);
        Assert.Equal(("A", "https://example.com/releases/1.4.0"), (buttons[1].TagName, buttons[1].GetAttribute("href")));
        Assert.StartsWith("Open", buttons[1].TextContent);

        var thread = page.QuerySelector("[data-platform=discord] article.paper[data-rank='1'] .thread")!;
        Assert.Equal("Release 1.4.0 discussion", thread.QuerySelector(".thread-name")!.TextContent);
        Assert.Contains("archives after 1 day", thread.QuerySelector(".thread-start")!.TextContent);
        var reply = thread.QuerySelector("[data-item='reply:1:0'] .content")!;
        Assert.Equal("<strong>Abstract</strong><br>The <em>whole</em> abstract.", reply.InnerHtml);
    }

    [Fact]
    public void A_slack_card_shows_its_blocks_and_its_replies_in_the_thread_under_it()
    {
        var page = Render(Slack(
            new DescribedRequest(ItemKey.Card(1), Example("slack", "chat_postMessage_request_blocks.constructed.json")),
            new DescribedRequest(ItemKey.Reply(1, 0), Example("slack", "chat_postMessage_request_thread_reply.constructed.json"))));

        var card = page.QuerySelector("[data-platform=slack] [data-item='card:1']")!;
        Assert.Equal("Deploy finished", card.QuerySelector(".sl-header")!.TextContent);
        var section = card.QuerySelector(".sl-section-text")!;
        Assert.Equal("api", section.QuerySelector("strong")!.TextContent);
        Assert.Equal(("View run", "https://ci.example.com/runs/42"), (section.QuerySelector("a")!.TextContent, section.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(["Services3", "Duration4m 12s"], card.QuerySelectorAll(".sl-field").Select(f => f.TextContent));
        Assert.Equal("Triggered by @U061F7AUR", card.QuerySelector(".sl-context")!.TextContent);
        var buttons = card.QuerySelectorAll(".sl-actions .button");
        Assert.Equal(["Acknowledge", "Roll back"], buttons.Select(b => b.TextContent));
        Assert.Contains("primary", buttons[0].ClassList);
        Assert.Contains("danger", buttons[1].ClassList);

        var thread = page.QuerySelector("[data-platform=slack] article.paper[data-rank='1'] .thread")!;
        Assert.Contains("1 reply", thread.QuerySelector(".thread-start")!.TextContent);
        Assert.Equal("Details: all health checks passed.", thread.QuerySelector("[data-item='reply:1:0'] .sl-text")!.TextContent);
    }

    [Fact]
    public void An_image_accessory_sits_beside_its_section()
    {
        var page = Render(Slack(new DescribedRequest(ItemKey.Card(1),
            """{"channel":"C1","text":"t","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"hi"},"accessory":{"type":"image","image_url":"https://x.org/t.png","alt_text":"thumb"}}]}""")));

        var image = page.QuerySelector(".sl-section > img.sl-accessory")!;
        Assert.Equal(("https://x.org/t.png", "thumb"), (image.GetAttribute("src"), image.GetAttribute("alt")));
    }

    [Fact]
    public void Markup_in_any_part_of_a_body_is_shown_as_text_and_never_becomes_an_element()
    {
        const string Attack = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=1\">";
        var discord = new JsonObject
        {
            ["content"] = Attack,
            ["embeds"] = new JsonArray(new JsonObject
            {
                ["title"] = Attack,
                ["url"] = "javascript:alert(1)",
                ["description"] = Attack,
                ["fields"] = new JsonArray(new JsonObject { ["name"] = Attack, ["value"] = Attack }),
                ["footer"] = new JsonObject { ["text"] = Attack },
                ["thumbnail"] = new JsonObject { ["url"] = "javascript:alert(1)" },
            }),
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 5, ["label"] = Attack, ["url"] = "javascript:alert(1)" }),
            }),
        }.ToJsonString();
        var slack = new JsonObject
        {
            ["channel"] = "C1",
            ["text"] = "x",
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Attack } },
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Attack },
                    ["accessory"] = new JsonObject { ["type"] = "image", ["image_url"] = "javascript:alert(1)", ["alt_text"] = Attack },
                },
                new JsonObject
                {
                    ["type"] = "actions",
                    ["elements"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "button", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Attack }, ["url"] = "javascript:alert(1)",
                    }),
                }),
        }.ToJsonString();

        var page = Render(Discord(new DescribedRequest(ItemKey.Card(1), discord)), Slack(new DescribedRequest(ItemKey.Card(1), slack)));

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll(".chat img"));
        Assert.Empty(page.QuerySelectorAll("[onerror]"));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => !(a.GetAttribute("href") ?? "").StartsWith("http", StringComparison.Ordinal) && !(a.GetAttribute("href") ?? "").StartsWith('/') && !(a.GetAttribute("href") ?? "").StartsWith('#'));
        foreach (var platform in new[] { "discord", "slack" })
        {
            var shown = page.QuerySelector($"[data-platform={platform}] .msg")!.TextContent;
            Assert.Contains("<script>window.pwned=1</script>", shown);
        }
    }

    [Fact]
    public void The_page_has_no_script_and_no_inline_style_so_a_strict_content_security_policy_allows_it()
    {
        var page = Render(
            Discord(new DescribedRequest(ItemKey.Card(1), Example("discord", "create-message-with-embed.request.assembled.json"))),
            Slack(new DescribedRequest(ItemKey.Card(1), Example("slack", "chat_postMessage_request_blocks.constructed.json"))));

        Assert.Empty(page.QuerySelectorAll("script, style, [style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        Assert.Equal(PreviewPage.StylesheetPath, page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [Fact]
    public void A_body_that_is_not_json_is_shown_as_it_is()
    {
        var page = Render(Discord(new DescribedRequest(ItemKey.Header, "{\"text\":\"a \"quoted\" <b>word</b>\"}")));

        var item = page.QuerySelector("[data-item=header]")!;
        Assert.Contains("not JSON", item.QuerySelector(".note")!.TextContent);
        Assert.Equal("{\"text\":\"a \"quoted\" <b>word</b>\"}", item.QuerySelector("details.raw pre")!.TextContent);
        Assert.Empty(item.QuerySelectorAll("pre b"));
    }

    [Fact]
    public void Each_item_keeps_its_request_body_beside_it()
    {
        var page = Render(Discord(new DescribedRequest(ItemKey.Header, """{"content":"hi","nonce":"42"}""")));

        Assert.Contains("\"nonce\": \"42\"", page.QuerySelector("[data-item=header] details.raw pre")!.TextContent);
    }

    [Fact]
    public void The_deliveries_table_has_a_line_per_subscribed_channel_and_for_channels_delivered_to_before_they_unsubscribed()
    {
        var date = SampleEditions.LatestDate;
        var delivered = Delivery(new DeliveryKey("discord", "111", date), DeliveryState.Delivered, 16, null) with { FinishedAt = Now.AddHours(-1) };
        var failed = Delivery(new DeliveryKey("slack", "C1", date), DeliveryState.Failed, 3, "channel_not_found: <b>gone</b>") with { Attempts = 2, RetryAt = Now.AddMinutes(30) };
        var old = Delivery(new DeliveryKey("slack", "COLD", date), DeliveryState.Delivered, 11, null) with { FinishedAt = Now.AddDays(-1) };
        var channels = new List<ChannelStatus>
        {
            new(new ChannelRef("discord", "111"), true, delivered),
            new(new ChannelRef("slack", "C1"), true, failed),
            new(new ChannelRef("slack", "C2"), true, null),
            new(new ChannelRef("slack", "COLD"), false, old),
        };
        var platforms = new List<PlatformRendering>
        {
            new("discord", "111", false, Enumerable.Range(0, 16).Select(i => new DescribedRequest(ItemKey.Reply(1, i), "{}")).ToList()),
        };

        var page = Parse(PreviewPage.Render(SampleEditions.Latest, platforms, channels, Now));

        var rows = page.QuerySelectorAll("#deliveries tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(["Discord", "111", "delivered", "16 of 16", "2026-01-08 09:00 UTC", "—"], rows[0]);
        Assert.Equal(["Slack", "C1", "failed (2 attempts); retried at 2026-01-08 10:30 UTC", "3", "—", "channel_not_found: <b>gone</b>"], rows[1]);
        Assert.Equal(["Slack", "C2", "not delivered yet", "—", "—", "—"], rows[2]);
        Assert.Equal(["Slack", "COLD (no longer subscribed)", "delivered", "11", "2026-01-07 10:00 UTC", "—"], rows[3]);
        Assert.Empty(page.QuerySelectorAll("#deliveries b"));
    }

    [Fact]
    public void With_no_platform_configured_the_page_says_how_to_configure_one()
    {
        var page = Parse(PreviewPage.Render(SampleEditions.Latest, [], [], Now));

        Assert.Contains("No platform is configured", page.Body!.TextContent);
        Assert.Contains("No channel is subscribed", page.QuerySelector("#deliveries")!.TextContent);
    }

    [Fact]
    public void A_whole_edition_shows_every_papers_title_summary_key_points_and_abstract_on_both_platforms()
    {
        var edition = SampleEditions.Latest with { Papers = SampleEditions.Latest.Papers.Where(p => p.Rank != 3).ToList() };
        var platforms = new ShapedPlatform[] { new DiscordShapedPlatform("111"), new SlackShapedPlatform("C1") };
        var fanOut = new DeliveryFanOut(null!, new RenderedEditions(), platforms, new DeliveryOptions(), NullLogger<DeliveryFanOut>.Instance);

        var page = Render(platforms.Select(p => new PlatformRendering(p.Platform, p.ConfiguredChannels[0], false, EditionRequests.For(fanOut, p, p.ConfiguredChannels[0], edition))).ToArray());

        foreach (var platform in platforms)
        {
            foreach (var paper in edition.Papers)
            {
                var article = page.QuerySelector($"[data-platform={platform.Platform}] article.paper[data-rank='{paper.Rank}']")!;
                var card = Visible(article.QuerySelector($"[data-item='card:{paper.Rank}'] .msg")!);
                Assert.Contains(Visible(paper.Title), card);
                Assert.Contains(Visible(paper.Summary), card);
                var thread = Visible(article.QuerySelector(".thread")!);
                Assert.Contains(Visible(paper.Abstract), thread);
                foreach (var point in paper.KeyPoints)
                    Assert.Contains(Visible(point), card + thread);
            }
        }
    }

    [Fact]
    public void The_bodies_are_the_dry_runs_own()
    {
        var platform = new RecordingPlatform("discord", true, "111");
        var fanOut = new DeliveryFanOut(null!, new RenderedEditions(), [platform], new DeliveryOptions(), NullLogger<DeliveryFanOut>.Instance);

        var requests = EditionRequests.For(fanOut, platform, "111", SampleEditions.Earlier);

        Assert.Equal(platform.Render(SampleEditions.Earlier).Select(i => i.Key), requests.Select(r => r.Item));
        Assert.Contains("\"parent\":\"(id of card 1)\"", requests.Single(r => r.Item == ItemKey.Thread(1)).Body);
        Assert.Contains("\"parent\":\"(id of thread 1)\"", requests.Single(r => r.Item == ItemKey.Reply(1, 0)).Body);
        Assert.Contains("\"channel\":\"111\"", requests[0].Body);
    }

    private static PlatformRendering Discord(params DescribedRequest[] requests) => new("discord", "111", false, requests);

    private static PlatformRendering Slack(params DescribedRequest[] requests) => new("slack", "C1", false, requests);

    private static IDocument Render(params PlatformRendering[] platforms) => Parse(PreviewPage.Render(SampleEditions.Latest, platforms, [], Now));

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static EditionDelivery Delivery(DeliveryKey key, DeliveryState state, int sent, string? error) =>
        new(key, state, null, null, 1, error, false, null, "fp", sent, Now.AddHours(-2), Now.AddHours(-1));

    /// <summary>Text as shown: markdown markers gone, whitespace ignored (renderers break lines differently).</summary>
    private static string Visible(IElement element) => Visible(element.TextContent);

    private static string Visible(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '_' or '`' or '•')).ToArray());
}
