using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using Xunit;

namespace PaperBot.Discord.Tests;

public sealed class DeferredAnswerTests
{
    [Fact]
    public async Task A_slow_answer_is_deferred_privately_and_finished_through_the_interaction_webhook()
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        var archive = new SlowArchive(SampleEditions.Archive(), TimeSpan.FromMilliseconds(400));
        await using var host = await InteractionHost.StartAsync(archive, SampleEditions.Archive(), discord, deferAfter: TimeSpan.FromMilliseconds(50));

        var reply = await host.AnswerAsync(InteractionBodies.Command("points", options: ("paper", "2")));

        Assert.Equal(5, reply.GetProperty("type").GetInt32());
        Assert.Equal(64, InteractionEndpointTests.Flags(reply));
        var edit = await WaitForAsync(() => discord.To("update_original_webhook_message").FirstOrDefault());
        Assert.Empty(discord.Violations);
        Assert.StartsWith($"/api/v10/webhooks/{InteractionHost.ApplicationId}/A_UNIQUE_TOKEN_", edit.Path);
        Assert.Null(edit.Authorization);
        Assert.Contains("REFLECT", edit.Body.GetProperty("embeds")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_slow_public_listing_is_deferred_publicly()
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        var archive = new SlowArchive(SampleEditions.Archive(), TimeSpan.FromMilliseconds(300));
        await using var host = await InteractionHost.StartAsync(archive, SampleEditions.Archive(), discord, deferAfter: TimeSpan.FromMilliseconds(50));

        var reply = await host.AnswerAsync(InteractionBodies.Command("today", options: ("public", true)));

        Assert.Equal(5, reply.GetProperty("type").GetInt32());
        Assert.Null(InteractionEndpointTests.Flags(reply));
        var edit = await WaitForAsync(() => discord.To("update_original_webhook_message").FirstOrDefault());
        Assert.Contains("Daily papers · 2026-01-08", edit.Body.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (probe() is { } found)
                return found;
            await Task.Delay(20);
        }
        throw new TimeoutException("The deferred answer never reached Discord.");
    }

    /// <summary>An archive as slow as a cold database.</summary>
    private sealed class SlowArchive(IEditionArchive inner, TimeSpan delay) : IEditionArchive
    {
        public async Task<Edition?> GetLatestAsync(CancellationToken cancellationToken = default)
        {
            await Task.Delay(delay, cancellationToken);
            return await inner.GetLatestAsync(cancellationToken);
        }

        public async Task<Edition?> GetEditionAsync(DateOnly date, CancellationToken cancellationToken = default)
        {
            await Task.Delay(delay, cancellationToken);
            return await inner.GetEditionAsync(date, cancellationToken);
        }

        public Task<IReadOnlyList<DateOnly>> ListDatesAsync(CancellationToken cancellationToken = default) => inner.ListDatesAsync(cancellationToken);

        public Task<IReadOnlyList<PaperRef>> FindByArxivIdAsync(string arxivId, CancellationToken cancellationToken = default) =>
            inner.FindByArxivIdAsync(arxivId, cancellationToken);

        public Task<IReadOnlyList<PaperRef>> FindByTitleAsync(string words, DateOnly? date, int limit, CancellationToken cancellationToken = default) =>
            inner.FindByTitleAsync(words, date, limit, cancellationToken);

        public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default) =>
            inner.SearchAsync(query, limit, cancellationToken);
    }
}
