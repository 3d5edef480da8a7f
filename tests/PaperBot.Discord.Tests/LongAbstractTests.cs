using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Rendering;
using PaperBot.Discord.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using Xunit;

namespace PaperBot.Discord.Tests;

/// <summary>However long a paper's abstract, its thread gets at most five messages, all of them ones Discord accepts.</summary>
public sealed class LongAbstractTests
{
    private static readonly Edition Edition = new(SampleEditions.LatestDate,
    [
        SampleEditions.Latest.Papers[0] with { Abstract = LongText.Abstract(4 * 1024 * 1024) },
        SampleEditions.Latest.Papers[1],
    ]);

    [Theory]
    [InlineData("https://papers.example.org/", "*The rest is on the archive page:* <https://papers.example.org/editions/2026-01-08#paper-1>")]
    [InlineData(null, "*The full text is on the archive page. The paper:* <https://huggingface.co/papers/2601.02151>")]
    public async Task A_four_megabyte_abstract_posts_five_thread_messages_the_last_linking_to_the_rest(string? publicUrl, string lastLine)
    {
        await using var rig = await DeliveryRig.StartAsync(settings: new() { [ArchiveLinks.SettingKey] = publicUrl });
        var discord = rig.Discord;

        var outcome = await rig.DeliverAsync(Edition, DiscordServices.ChannelA);

        Assert.IsType<Core.Delivery.ChannelOutcome.Delivered>(outcome);
        Assert.Empty(discord.Violations);
        var longThread = discord.MessagesIn(DiscordServices.ChannelA)[1].Id;
        var replies = discord.To("create_message").Where(r => r.ChannelId == longThread).Select(r => r.Body.GetProperty("content").GetString()!).ToList();
        Assert.Equal(ThreadLimits.MaxRepliesPerPaper, replies.Count);
        Assert.All(replies, reply => Assert.InRange(reply.Length, 1, 2000));
        Assert.EndsWith(lastLine, replies[^1]);
        var shortThread = discord.MessagesIn(DiscordServices.ChannelA)[2].Id;
        Assert.Single(discord.To("create_message"), r => r.ChannelId == shortThread);
        Assert.Equal(1 + 2 + ThreadLimits.MaxRepliesPerPaper + 1, discord.To("create_message").Count);
    }
}
