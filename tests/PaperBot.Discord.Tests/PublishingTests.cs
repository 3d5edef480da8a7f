using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Text;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

/// <summary>Posting an edition end to end against the fake Discord API.</summary>
public sealed class PublishingTests : IAsyncLifetime
{
    private readonly InMemoryArchive _archive = SampleEditions.Archive();
    private FakeDiscordApi _discord = null!;
    private ServiceProvider _services = null!;

    private IEditionPublisher Publisher => _services.GetRequiredService<IEditionPublisher>();

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordApi.StartAsync();
        _services = DiscordServices.Build(_discord, _archive);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task An_edition_is_posted_as_a_header_one_embed_per_paper_and_a_thread_per_paper_opening_with_the_abstract()
    {
        var result = await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(_discord.Violations);
        var inChannel = _discord.To("create_message").Where(r => r.ChannelId == DiscordServices.ChannelA).ToList();
        Assert.Equal(6, inChannel.Count);
        Assert.Contains("2026-01-08", inChannel[0].Body.GetProperty("content").GetString());
        Assert.Contains("5 papers", inChannel[0].Body.GetProperty("content").GetString());
        Assert.All(_discord.Requests, r => Assert.Equal($"Bot {DiscordServices.BotToken}", r.Authorization));

        foreach (var (request, paper) in inChannel.Skip(1).Zip(SampleEditions.Latest.Papers))
        {
            var embed = Assert.Single(request.Body.GetProperty("embeds").EnumerateArray());
            Assert.StartsWith($"{paper.Rank}. ", embed.GetProperty("title").GetString());
            Assert.Equal(paper.Url, embed.GetProperty("url").GetString());
            Assert.Contains($"#{paper.Rank} · 2026-01-08", embed.GetProperty("footer").GetProperty("text").GetString());
            Assert.Equal($"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{paper.ArxivId}.png", embed.GetProperty("thumbnail").GetProperty("url").GetString());
            Assert.True(DiscordLimitChecks.EmbedLength(embed) <= 6000);
            var buttons = request.Body.GetProperty("components")[0].GetProperty("components").EnumerateArray().ToList();
            Assert.Equal(["Key points", "Abstract", "Paper", "PDF"], buttons.Select(b => b.GetProperty("label").GetString()));
            Assert.Equal($"https://arxiv.org/pdf/{paper.ArxivId}", buttons[3].GetProperty("url").GetString());
        }

        var threads = _discord.To("create_thread_from_message");
        Assert.Equal(5, threads.Count);
        var ledger = _archive.Deliveries.Where(d => d.Channel == DiscordServices.ChannelA).OrderBy(d => d.Rank).ToList();
        Assert.Equal([0, 1, 2, 3, 4, 5], ledger.Select(d => d.Rank));
        Assert.Null(ledger[0].ThreadId);
        foreach (var (thread, delivery) in threads.Zip(ledger.Skip(1)))
        {
            Assert.Equal($"/api/v10/channels/{DiscordServices.ChannelA}/messages/{delivery.MessageId}/threads", thread.Path);
            Assert.Equal(delivery.MessageId, delivery.ThreadId);
            var name = thread.Body.GetProperty("name").GetString()!;
            Assert.True(name.Length <= 100);
            Assert.StartsWith($"{delivery.Rank}. ", name);
        }
    }

    [Fact]
    public async Task A_long_abstract_is_split_across_at_most_five_thread_messages_the_last_saying_where_the_rest_is()
    {
        await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);

        var threadId = _archive.Deliveries.Single(d => d.Channel == DiscordServices.ChannelA && d.Rank == 3).ThreadId!;
        var pieces = _discord.To("create_message").Where(r => r.ChannelId == threadId).Select(r => r.Body.GetProperty("content").GetString()!).ToList();
        Assert.Equal(5, pieces.Count);
        Assert.All(pieces, p => Assert.True(p.Length <= 2000));
        Assert.StartsWith("**Abstract**", pieces[0]);
        var abstractText = TextLimits.Collapse("**Abstract** " + SampleEditions.Latest.Papers[2].Abstract);
        Assert.StartsWith(TextLimits.Collapse(string.Join(" ", pieces[..4])), abstractText);
        Assert.EndsWith("*The full text is on the archive page. The paper:* <https://huggingface.co/papers/2601.04000>", pieces[4]);

        var shortThreadId = _archive.Deliveries.Single(d => d.Channel == DiscordServices.ChannelA && d.Rank == 5).ThreadId!;
        var shortPiece = Assert.Single(_discord.To("create_message"), r => r.ChannelId == shortThreadId);
        Assert.Contains("Short abstract.", shortPiece.Body.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Digest_text_that_mentions_everyone_is_posted_but_can_ping_nobody()
    {
        await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);

        var paper3 = _discord.To("create_message").Single(r => r.Body.TryGetProperty("embeds", out var e) && e[0].GetProperty("title").GetString()!.StartsWith("3. "));
        Assert.Contains("@everyone", paper3.Body.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.All(_discord.To("create_message"), r => Assert.Equal(0, r.Body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength()));
    }

    [Fact]
    public async Task Running_again_posts_nothing_twice()
    {
        await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);
        var before = _discord.Requests.Count;

        var again = await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);

        Assert.True(again.Value.AlreadyComplete);
        Assert.Equal(before, _discord.Requests.Count);
    }

    [Fact]
    public async Task A_run_that_failed_midway_resumes_where_it_stopped()
    {
        var papersPosted = 0;
        _discord.FailNext(r => r.OperationId == "create_message" && r.Body.TryGetProperty("embeds", out _) && ++papersPosted == 3, FakeFault.MissingAccess);

        var first = await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);
        var second = await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);

        Assert.False(first.IsSuccess);
        Assert.True(second.IsSuccess, second.ToString());
        var paperMessages = _discord.To("create_message").Where(r => r.ChannelId == DiscordServices.ChannelA && r.Body.TryGetProperty("embeds", out _)).ToList();
        Assert.Equal(6, paperMessages.Count); // five papers plus the refused third attempt
        Assert.Single(_discord.To("create_message"), r => r.ChannelId == DiscordServices.ChannelA && r.Body.TryGetProperty("content", out var c) && c.GetString()!.StartsWith("📰"));
        Assert.Equal(5, _archive.Deliveries.Count(d => d.Channel == DiscordServices.ChannelA && d.ThreadId is not null));
        Assert.Equal(5, second.Value.ThreadsStarted);
    }

    [Fact]
    public async Task A_thread_already_started_before_a_crash_is_taken_over_not_started_twice()
    {
        await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);
        var paper1 = _archive.Deliveries.Single(d => d.Channel == DiscordServices.ChannelA && d.Rank == 1);
        await _archive.RecordAsync(paper1 with { ThreadId = null }); // the run stopped after starting the thread

        var again = await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);

        Assert.True(again.IsSuccess, again.ToString());
        Assert.Equal(paper1.MessageId, _archive.Deliveries.Single(d => d.Channel == DiscordServices.ChannelA && d.Rank == 1).ThreadId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_429_is_waited_out_for_its_retry_after_and_then_succeeds(bool global)
    {
        var clock = new WatchedClock();
        await using var services = DiscordServices.Build(_discord, _archive, time: clock);
        _discord.FailNext(r => r.OperationId == "create_message", FakeFault.RateLimited(0.1, global));

        var publishing = services.GetRequiredService<IEditionPublisher>().PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);

        var wait = await clock.NextWaitAsync();
        Assert.Equal(TimeSpan.FromSeconds(0.1), wait);
        Assert.Single(_discord.To("create_message")); // the client is waiting: nothing is sent again before the wait is over
        clock.Advance(wait);
        var result = await publishing;
        Assert.True(result.IsSuccess, result.ToString());
        var headers = _discord.To("create_message").Take(2).ToList();
        Assert.Equal(headers[0].Body.GetRawText(), headers[1].Body.GetRawText());
    }

    [Fact]
    public async Task Server_errors_are_retried_and_then_succeed()
    {
        _discord.FailNext(r => r.OperationId == "create_thread_from_message", FakeFault.ServerError(502));
        _discord.FailNext(r => r.OperationId == "create_thread_from_message", FakeFault.ServerError(500));

        var result = await Publisher.PublishAsync(SampleEditions.Latest, DiscordServices.ChannelA, _archive);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(7, _discord.To("create_thread_from_message").Count);
    }

    [Theory]
    [InlineData(403, 50001, "Missing Access")]
    [InlineData(404, 10003, "Unknown Channel")]
    public async Task A_failing_channel_is_reported_and_the_other_channel_still_gets_everything(int status, int code, string message)
    {
        _discord.BreakChannel(DiscordServices.ChannelA, FakeFault.Error(status, code, message));

        var results = new List<string>();
        foreach (var channel in Publisher.Channels)
        {
            var result = await Publisher.PublishAsync(SampleEditions.Latest, channel, _archive);
            results.Add(result.IsSuccess ? "ok" : result.Problem.Message);
        }

        Assert.Equal([DiscordServices.ChannelA, DiscordServices.ChannelB], Publisher.Channels);
        Assert.Contains($"code {code}", results[0]);
        Assert.Contains(DiscordServices.ChannelA, results[0]);
        Assert.Equal("ok", results[1]);
        Assert.Single(_discord.Requests, r => r.ChannelId == DiscordServices.ChannelA); // a 4xx is never retried
        Assert.Equal(6, _archive.Deliveries.Count(d => d.Channel == DiscordServices.ChannelB));
    }

    [Fact]
    public async Task A_dry_run_renders_every_body_valid_for_Discord_and_sends_nothing()
    {
        var bodies = Publisher.RenderRequests(SampleEditions.Latest, DiscordServices.ChannelA);

        Assert.Empty(_discord.Requests);
        Assert.Contains("Daily papers · 2026-01-08", bodies[0]);
        Assert.Equal(5, bodies.Count(b => b.Contains("\"embeds\"")));
        Assert.Equal(5, bodies.Count(b => b.Contains("\"auto_archive_duration\"")));
        foreach (var body in bodies)
        {
            using var json = JsonDocument.Parse(body);
            var operation = json.RootElement.TryGetProperty("auto_archive_duration", out _) ? "create_thread_from_message" : "create_message";
            Assert.Empty(DiscordOpenApi.Validate(operation, json.RootElement));
            Assert.Empty(DiscordLimitChecks.Check(operation, json.RootElement));
        }
        Assert.Contains(bodies, b => b.Contains("엔트로피 적응형")); // Hangul as itself, not \u escapes
    }

    [Fact]
    public async Task The_digest_image_is_used_when_an_image_base_url_is_configured()
    {
        await using var services = DiscordServices.Build(_discord, _archive, new() { ["Digests:ImageBaseUrl"] = "https://papers.example.org/digests" });

        var body = services.GetRequiredService<IEditionPublisher>().RenderRequests(SampleEditions.Latest, DiscordServices.ChannelA)[1];

        using var json = JsonDocument.Parse(body);
        Assert.Equal("https://papers.example.org/digests/images/2601.02151_img.jpg",
            json.RootElement.GetProperty("embeds")[0].GetProperty("thumbnail").GetProperty("url").GetString());
    }
}
