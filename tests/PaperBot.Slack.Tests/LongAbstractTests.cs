using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Core.Rendering;
using PaperBot.Slack.Tests.Fakes;
using PaperBot.Slack.WebApi;
using PaperBot.Testing;
using PaperBot.Testing.Slack;
using Xunit;

namespace PaperBot.Slack.Tests;

/// <summary>However long a paper's abstract, its thread gets at most five replies within Block Kit's limits, the key points among them.</summary>
public sealed class LongAbstractTests
{
    private const string Channel = SlackDelivery.Channel;

    private static readonly Edition Edition = new(SampleEditions.LatestDate,
    [
        SampleEditions.Latest.Papers[0] with { Abstract = LongText.Abstract(4 * 1024 * 1024) },
        SampleEditions.Latest.Papers[1],
    ]);

    [Theory]
    [InlineData("https://papers.example.org", "The rest is on the archive page:_ <https://papers.example.org/editions/2026-01-08#paper-1|https://papers.example.org/editions/2026-01-08#paper-1>")]
    [InlineData(null, "The full text is on the archive page. The paper:_ <https://huggingface.co/papers/2601.02151|https://huggingface.co/papers/2601.02151>")]
    public async Task A_four_megabyte_abstract_posts_at_most_five_replies_the_abstracts_last_linking_to_the_rest(string? publicUrl, string continuation)
    {
        await using var delivery = await SlackDelivery.StartAsync(settings: new Dictionary<string, string?> { [ArchiveLinks.SettingKey] = publicUrl });
        var slack = delivery.Slack;

        var outcome = await delivery.DeliverAsync(Edition, Channel);

        Assert.IsType<Core.Delivery.ChannelOutcome.Delivered>(outcome);
        var card = slack.MessagesIn(Channel)[1].Ts;
        var replies = slack.Posts.Where(p => p.ThreadTs == card).ToList();
        Assert.Equal(ThreadLimits.MaxRepliesPerPaper, replies.Count);
        Assert.All(replies, reply => SlackSpecs.AssertValidPostMessage(reply.Body));
        Assert.Contains("*Abstract*", replies[0].AllText);
        Assert.Contains(continuation, replies[^2].AllText);
        Assert.Contains("*Key points*", replies[^1].AllText);
        Assert.Contains(Edition.Papers[0].KeyPoints[^1], replies[^1].AllText);
        var shortCard = slack.MessagesIn(Channel)[2].Ts;
        Assert.Equal(2, slack.Posts.Count(p => p.ThreadTs == shortCard));
    }
}
