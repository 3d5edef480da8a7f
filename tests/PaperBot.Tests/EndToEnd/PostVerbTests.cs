using System.Text.RegularExpressions;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;

namespace PaperBot.Tests.EndToEnd;

/// <summary><c>post</c> as an operator runs it: the latest real edition to a Discord and a Slack channel, then again.</summary>
public sealed partial class PostVerbTests(PostedEdition posted) : IClassFixture<PostedEdition>
{
    [Fact]
    public void The_first_post_exits_zero_and_says_what_it_sent_to_each_channel()
    {
        Assert.True(posted.FirstPost.ExitCode == 0, posted.FirstPost.Error);
        // Discord: the header, five cards, five threads and the abstracts in them; Slack: the header, five cards, their replies.
        Assert.Contains($"discord channel {PlatformFakes.DiscordChannel}: posted {posted.DiscordRequests.Count} item(s) of the {RealDigest.LatestDate} edition", posted.FirstPost.Output);
        Assert.Contains($"slack channel {PlatformFakes.SlackChannel}: posted {posted.SlackPosts.Count} item(s) of the {RealDigest.LatestDate} edition", posted.FirstPost.Output);
        Assert.Empty(posted.Fakes.Discord.Violations);
        foreach (var secret in new[] { PlatformFakes.DiscordBotToken, PlatformFakes.SlackBotToken, PlatformFakes.SlackSigningSecret })
            Assert.DoesNotContain(secret, posted.FirstPost.Output + posted.FirstPost.Error);
    }

    [Fact]
    public void Discord_gets_a_header_a_card_per_paper_and_a_thread_per_paper_opening_with_its_abstract()
    {
        var edition = RealDigest.Latest;
        var inChannel = posted.DiscordRequests.Where(r => r.OperationId == "create_message" && r.ChannelId == PlatformFakes.DiscordChannel).ToList();
        Assert.Equal(6, inChannel.Count);
        Assert.Contains(RealDigest.LatestDate, inChannel[0].Body.GetProperty("content").GetString());
        foreach (var (request, paper) in inChannel.Skip(1).Zip(edition.Papers))
            Assert.Equal($"{paper.Rank}. {paper.Title}", request.Body.GetProperty("embeds")[0].GetProperty("title").GetString());

        Assert.Equal(5, posted.DiscordRequests.Count(r => r.OperationId == "create_thread_from_message"));
        foreach (var paper in edition.Papers)
        {
            var thread = posted.DiscordThreadOf(paper.Rank);
            var text = string.Concat(posted.DiscordRequests.Where(r => r.OperationId == "create_message" && r.ChannelId == thread)
                .Select(r => r.Body.GetProperty("content").GetString()));
            Assert.Contains(WithoutSpace(paper.Abstract), WithoutSpace(text));
        }
        Assert.All(posted.DiscordRequests, r => Assert.Equal($"Bot {PlatformFakes.DiscordBotToken}", r.Authorization));
    }

    [Fact]
    public void Slack_gets_a_header_a_card_per_paper_and_the_abstract_in_each_cards_thread()
    {
        var edition = RealDigest.Latest;
        var cards = posted.SlackPosts.Where(p => p.ThreadTs is null).ToList();
        Assert.Equal(6, cards.Count);
        Assert.All(posted.SlackPosts, p => Assert.Equal(PlatformFakes.SlackChannel, p.Channel));
        Assert.All(posted.SlackPosts, p => SlackSpecs.AssertValidPostMessage(p.Body));
        Assert.Contains(RealDigest.LatestDate, cards[0].AllText);
        foreach (var paper in edition.Papers)
        {
            var card = cards[paper.Rank];
            Assert.Contains(paper.Title, card.AllText);
            var thread = string.Concat(posted.SlackPosts.Where(p => p.ThreadTs == card.Ts).Select(p => p.AllText));
            Assert.Contains(WithoutSpace(paper.Abstract), WithoutSpace(thread));
        }
        Assert.All(posted.Fakes.Slack.Calls, c => Assert.Equal($"Bearer {PlatformFakes.SlackBotToken}", c.Authorization));
    }

    [Fact]
    public async Task Posting_again_sends_nothing_and_says_it_was_already_posted()
    {
        var discordBefore = posted.Fakes.Discord.Requests.Count;
        var slackBefore = posted.Fakes.Slack.Calls.Count;

        var again = await posted.PostAsync();

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains($"discord channel {PlatformFakes.DiscordChannel}: already posted, nothing sent", again.Output);
        Assert.Contains($"slack channel {PlatformFakes.SlackChannel}: already posted, nothing sent", again.Output);
        Assert.Equal(discordBefore, posted.Fakes.Discord.Requests.Count);
        Assert.Equal(slackBefore, posted.Fakes.Slack.Calls.Count);
    }

    [Fact]
    public async Task Points_asked_inside_a_papers_discord_thread_answer_about_that_paper_without_naming_it()
    {
        await using var bot = await PlatformBot.StartAsync(posted.Workspace, posted.Fakes);

        var reply = await bot.DiscordAnswerAsync(InteractionBodies.Command("points", channelId: posted.DiscordThreadOf(2)));

        var embed = reply.GetProperty("data").GetProperty("embeds")[0];
        Assert.Equal($"2. {RealDigest.Paper(2).Title}", embed.GetProperty("title").GetString());
        foreach (var point in RealDigest.Paper(2).KeyPoints)
            Assert.Contains(point, embed.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_mention_in_a_papers_slack_thread_is_answered_in_that_thread_about_that_paper()
    {
        await using var bot = await PlatformBot.StartAsync(posted.Workspace, posted.Fakes);
        var card = posted.SlackCardOf(3);
        var repliesBefore = posted.Fakes.Slack.Posts.Count(p => p.ThreadTs == card);

        using var response = await bot.SlackAsync("/slack/events", SlackBodies.AppMention("abstract", PlatformFakes.SlackChannel, card, eventId: "EvE2E0001"), "application/json");

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        await RunningBot.EventuallyAsync(() => Task.FromResult(posted.Fakes.Slack.Posts.Count(p => p.ThreadTs == card) > repliesBefore));
        var answer = posted.Fakes.Slack.Posts.Last(p => p.ThreadTs == card);
        Assert.Equal(PlatformFakes.SlackChannel, answer.Channel);
        Assert.Contains(RealDigest.Paper(3).Title, answer.AllText);
        Assert.Contains(WithoutSpace(RealDigest.Paper(3).Abstract), WithoutSpace(answer.AllText));
    }

    private static string WithoutSpace(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
