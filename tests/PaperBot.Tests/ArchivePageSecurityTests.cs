using System.Net;
using System.Text.RegularExpressions;
using PaperBot.Web;

namespace PaperBot.Tests;

/// <summary>The archive page over real HTTP: no link a digest writes can run script, every page says so in its headers, and any search text is answered.</summary>
public sealed partial class ArchivePageSecurityTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _digests;
    private readonly string _database;

    public ArchivePageSecurityTests()
    {
        _digests = _folder.CreateFolder("digests");
        _database = _folder.Combine("data", "archive.db");
    }

    [Fact]
    public async Task A_digest_with_javascript_links_renders_no_such_href_and_keeps_its_http_links()
    {
        await File.WriteAllTextAsync(Path.Combine(_digests, "hostile.md"), """
            # 2026-02-01 Daily Papers (Top 2)

            ## 1. [Click Me](javascript:alert(1))
            **Upvotes**: 1

            ### 📌 요약
            See [this](javascript:alert(2)), [that](JaVaScRiPt:alert(3)), <javascript:alert(4)>, [a reference][evil],
            ![an image](javascript:alert(6)), [data](data:text/html;base64,PHNjcmlwdD4=), [vb](vbscript:msgbox(7)),
            [spaced]( javascript:alert(8) ), [entity](&#106;avascript:alert(9)), <mailto:someone@example.org>
            and [a good one](https://example.org/ok).

            [evil]: javascript:alert(5)

            ---

            ## 2. [Second](  javascript:alert(10)  )

            ### 🔑 핵심 포인트
            - A point with [a link](javascript:alert(11)) and <https://example.org/auto>.
            """);

        await using var bot = await RunningBot.StartAsync(_digests, _database);
        await RunningBot.EventuallyAsync(async () => (await bot.Client.GetAsync("/editions/2026-02-01")).StatusCode == HttpStatusCode.OK);

        var page = await bot.Client.GetStringAsync("/editions/2026-02-01");
        var targets = LinkTargets().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToList();
        Assert.All(targets, url => Assert.Matches("^(https?://|/|#)", url));
        Assert.Contains("https://example.org/ok", targets);
        Assert.Contains("https://example.org/auto", targets);
        Assert.DoesNotContain("javascript:", string.Join(" ", targets), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Click Me", page);
        Assert.Contains("this", page);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?q=diffusion")]
    [InlineData("/editions/2026-02-01")]
    [InlineData("/editions/1999-01-01")]
    [InlineData("/editions/not-a-date")]
    public async Task Every_page_forbids_script_framing_and_referrers_and_sniffing(string path)
    {
        await File.WriteAllTextAsync(Path.Combine(_digests, "a.md"), "# 2026-02-01 Daily Papers (Top 1)\n\n## 1. [A](https://example.org/a)\n");
        await using var bot = await RunningBot.StartAsync(_digests, _database);

        using var response = await bot.Client.GetAsync(path);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/archive.css")]
    public async Task Responses_that_are_not_pages_are_not_sniffed_either(string path)
    {
        await using var bot = await RunningBot.StartAsync(_digests, _database);

        using var response = await bot.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_stylesheet_the_pages_link_to_is_served()
    {
        await using var bot = await RunningBot.StartAsync(_digests, _database);

        var index = await bot.Client.GetStringAsync("/");
        using var css = await bot.Client.GetAsync("/archive.css");

        Assert.Contains("<link rel=\"stylesheet\" href=\"/archive.css\">", index);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("font-family", await css.Content.ReadAsStringAsync());
    }

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A thousand distinct two-letter words (SQLite's "Expression tree is too large") fit the 8 KB request line.</summary>
    public static TheoryData<string, string> UnusableSearches => new()
    {
        { string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"{Alphabet[i % 36]}{Alphabet[i / 36]}")), "at most 16 are searched" },
        { string.Join(' ', Enumerable.Range(0, 500).Select(i => $"w{i:000}")), "at most 16 are searched" }, // within the 8 KB request line
        { new string('x', 2000), "at most 200 are searched" },
        { "\0", "no words to search for" },
    };

    [Theory]
    [MemberData(nameof(UnusableSearches))]
    public async Task Search_text_beyond_the_bounds_is_explained_with_200(string query, string explanation)
    {
        await File.WriteAllTextAsync(Path.Combine(_digests, "a.md"), "# 2026-02-01 Daily Papers (Top 1)\n\n## 1. [Entropy Paper](https://example.org/a)\n");
        await using var bot = await RunningBot.StartAsync(_digests, _database);

        using var response = await bot.Client.GetAsync("/?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(explanation, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_text_with_a_nul_is_searched_as_a_space()
    {
        await File.WriteAllTextAsync(Path.Combine(_digests, "a.md"), "# 2026-02-01 Daily Papers (Top 1)\n\n## 1. [Entropy Adaptive Paper](https://example.org/a)\n");
        await using var bot = await RunningBot.StartAsync(_digests, _database);
        await RunningBot.EventuallyAsync(async () => (await bot.Client.GetStringAsync("/")).Contains("2026-02-01"));

        using var response = await bot.Client.GetAsync("/?q=entropy%00adaptive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Search: entropy adaptive", page);
        Assert.Contains("href=\"/editions/2026-02-01#paper-1\"", page);
    }

    [GeneratedRegex("(?:href|src)\\s*=\\s*\"(?<url>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex LinkTargets();

    public void Dispose() => _folder.Dispose();
}
