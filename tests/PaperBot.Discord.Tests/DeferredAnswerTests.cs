using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

public sealed class DeferredAnswerTests
{
    [Fact]
    public async Task A_slow_answer_is_deferred_privately_and_finished_through_the_interaction_webhook()
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        var archive = new GatedArchive(SampleEditions.Archive());
        await using var host = await InteractionHost.StartAsync(archive, discord: discord, deferAfter: TimeSpan.FromMilliseconds(50));

        var reply = await host.AnswerAsync(InteractionBodies.Command("points", options: ("paper", "2")));

        Assert.Equal(5, reply.GetProperty("type").GetInt32());
        archive.Open();
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
        var archive = new GatedArchive(SampleEditions.Archive());
        await using var host = await InteractionHost.StartAsync(archive, discord: discord, deferAfter: TimeSpan.FromMilliseconds(50));

        var reply = await host.AnswerAsync(InteractionBodies.Command("today", options: ("public", true)));

        Assert.Equal(5, reply.GetProperty("type").GetInt32());
        archive.Open();
        Assert.Null(InteractionEndpointTests.Flags(reply));
        var edit = await WaitForAsync(() => discord.To("update_original_webhook_message").FirstOrDefault());
        Assert.Contains("Daily papers · 2026-01-08", edit.Body.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_deferred_private_answer_leaves_the_next_inline_answer_to_the_same_command_private()
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        var archive = new GatedArchive(SampleEditions.Archive());
        await using var host = await InteractionHost.StartAsync(archive, discord: discord, deferAfter: TimeSpan.FromMilliseconds(50));
        var command = InteractionBodies.Command("points", options: ("paper", "2"));

        var deferred = await host.AnswerAsync(command);
        Assert.Equal(5, deferred.GetProperty("type").GetInt32());
        archive.Open();
        var edit = await WaitForAsync(() => discord.To("update_original_webhook_message").FirstOrDefault());
        Assert.False(edit.Body.TryGetProperty("flags", out _), "the deferral already fixed the visibility");

        var inline = await host.AnswerAsync(command);

        Assert.Equal(4, inline.GetProperty("type").GetInt32());
        Assert.Equal(64, InteractionEndpointTests.Flags(inline));
        Assert.Contains("REFLECT", InteractionEndpointTests.Embed(inline).GetProperty("description").GetString());
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        for (var i = 0; i < 500; i++)
        {
            if (probe() is { } found)
                return found;
            await Task.Delay(20);
        }
        throw new TimeoutException("The deferred answer never reached Discord.");
    }
}
