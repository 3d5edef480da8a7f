using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Discord;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Observability;

/// <summary><c>/metrics</c> scraped over HTTP from the whole bot while it ingests, answers and meets rate limits.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests : WholeBotTest
{
    [Fact]
    public async Task The_page_is_prometheus_text_with_the_histogram_buckets_for_half_a_millisecond_to_five_seconds()
    {
        await Bot.DiscordAnswerAsync(InteractionBodies.Command("help"));

        using var response = await Bot.Bot.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var page = new MetricsPage(await response.Content.ReadAsStringAsync());
        Assert.Contains("# TYPE paperbot_interaction_duration_seconds histogram", page.Text);
        Assert.Contains("# TYPE paperbot_editions_ingested_total counter", page.Text);
        foreach (var bound in new[] { "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5" })
            Assert.True(page.Has("paperbot_interaction_duration_seconds_bucket", ("platform", "discord"), ("le", bound)), $"no bucket le={bound}:\n{page.Text}");
        Assert.Equal(1, page.Value("paperbot_interaction_duration_seconds_bucket", ("platform", "discord"), ("le", "+Inf")));
        Assert.Equal(1, page.Value("paperbot_interaction_duration_seconds_count", ("platform", "discord")));
        Assert.True(page.Value("paperbot_interaction_duration_seconds_sum", ("platform", "discord")) > 0);
    }

    [Fact]
    public async Task Each_stored_edition_and_each_broken_digest_is_counted()
    {
        await RunningBot.EventuallyAsync(async () => (await ScrapeAsync()).Value("paperbot_editions_ingested_total") == 2);

        var newer = (await File.ReadAllTextAsync(SharedPaths.OriginalDigest)).Replace("# 2026-01-08 Daily Papers", "# 2026-01-09 Daily Papers");
        await File.WriteAllTextAsync(Path.Combine(Workspace.Digests, "daily_20260109.md"), newer);
        await RunningBot.EventuallyAsync(async () => (await ScrapeAsync()).Value("paperbot_editions_ingested_total") == 3);

        await File.WriteAllTextAsync(Path.Combine(Workspace.Digests, "broken.md"), "no date heading at all");
        await RunningBot.EventuallyAsync(async () => (await ScrapeAsync()).Value("paperbot_digest_failures_total") == 1);
        Assert.Equal(3, (await ScrapeAsync()).Value("paperbot_editions_ingested_total"));
    }

    [Fact]
    public async Task A_signed_discord_command_is_counted_by_its_subcommand_and_a_forged_one_as_invalid()
    {
        await Bot.DiscordAnswerAsync(InteractionBodies.Command("points", options: ("paper", "2")));
        await Bot.DiscordAnswerAsync(InteractionBodies.Command("points", options: ("paper", "1")));
        await Bot.DiscordAnswerAsync(InteractionBodies.Command("today"));
        using (await Bot.DiscordAsync(InteractionBodies.Ping()))
        {
        }
        using (var forged = await Bot.DiscordAsync(InteractionBodies.Command("points"), signature: new string('0', 128)))
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        var page = await ScrapeAsync();
        Assert.Equal(2, page.Value("paperbot_interactions_total", ("platform", "discord"), ("command", "points")));
        Assert.Equal(1, page.Value("paperbot_interactions_total", ("platform", "discord"), ("command", "today")));
        Assert.Equal(1, page.Value("paperbot_interactions_total", ("platform", "discord"), ("command", "ping")));
        Assert.Equal(1, page.Value("paperbot_interactions_total", ("platform", "discord"), ("command", "invalid")));
        Assert.Equal(5, page.Value("paperbot_interaction_duration_seconds_count", ("platform", "discord")));
    }

    [Fact]
    public async Task A_slack_command_is_counted_by_its_subcommand_whatever_the_words_after_it()
    {
        await Bot.SlackReplyAsync("points 2");
        await Bot.SlackReplyAsync("search 엔트로피 fine-tuning");
        await Bot.SlackReplyAsync("frobnicate");

        var page = await ScrapeAsync();
        Assert.Equal(1, page.Value("paperbot_interactions_total", ("platform", "slack"), ("command", "points")));
        Assert.Equal(1, page.Value("paperbot_interactions_total", ("platform", "slack"), ("command", "search")));
        Assert.Equal(1, page.Value("paperbot_interactions_total", ("platform", "slack"), ("command", "invalid")));
        Assert.Equal(3, page.Value("paperbot_interaction_duration_seconds_count", ("platform", "slack")));
    }

    [Fact]
    public async Task A_429_from_discord_is_counted_as_rate_limited()
    {
        Fakes.Discord.FailNext(r => r.OperationId == "bulk_set_guild_application_commands", FakeFault.RateLimited(0.05));

        var registered = await Bot.Bot.Services.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync("123", CancellationToken.None);

        Assert.True(registered.IsSuccess);
        Assert.Equal(1, (await ScrapeAsync()).Value("paperbot_rate_limited_total", ("platform", "discord")));
    }

    [Fact]
    public async Task A_429_from_slack_is_counted_as_rate_limited_and_the_mention_event_as_an_event()
    {
        Fakes.Slack.RateLimitNext(1);

        using var response = await Bot.SlackAsync("/slack/events", SlackBodies.AppMention("help", PlatformFakes.SlackChannel, threadTs: null), "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await Fakes.Slack.WaitForPostsAsync(1, TimeSpan.FromSeconds(20)));

        var page = await ScrapeAsync();
        Assert.Equal(1, page.Value("paperbot_rate_limited_total", ("platform", "slack")));
        Assert.Equal(1, page.Value("paperbot_interactions_total", ("platform", "slack"), ("command", "event")));
    }

    [Fact]
    public async Task The_runtime_reports_its_memory_and_its_collections()
    {
        await RunningBot.EventuallyAsync(async () =>
            (await ScrapeAsync()).Value("dotnet_gc_collections_total", ("gc_heap_generation", "gen2")) >= 1);

        var page = await ScrapeAsync();
        Assert.True(page.Value("dotnet_process_memory_working_set_bytes") > 0, page.Text);
        Assert.True(page.Has("dotnet_gc_last_collection_heap_size_bytes", ("gc_heap_generation", "gen0")), page.Text);
    }

    private Task<MetricsPage> ScrapeAsync() => MetricsPage.ScrapeAsync(Bot.Bot.Client);
}
