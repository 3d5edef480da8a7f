using PaperBot.Core.Delivery;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Delivery;

/// <summary>
/// Several copies of the bot started together on one database (a rolling deploy, replicas behind a load balancer), all
/// owing the same edition to the same channels at the same moment, while the platforms answer with random faults: each
/// item reaches each channel once, and every copy stays up.
/// </summary>
public sealed class ReplicaTests(PostgresServer postgres) : PlatformFakesTest, IClassFixture<PostgresServer>
{
    private static readonly string[] DiscordChannels = ["1100000000000000011", "1100000000000000012", "1100000000000000013", "1100000000000000014"];
    private static readonly string[] SlackChannels = ["C0REPLICA1", "C0REPLICA2", "C0REPLICA3", "C0REPLICA4"];

    [Fact]
    public async Task Three_copies_on_one_PostgreSQL_deliver_each_item_once_to_each_channel_through_random_faults()
    {
        var due = await DueEdition.WriteAsync(Fakes, Workspace, DiscordChannels, SlackChannels);
        due.UsePostgres(await postgres.CreateDatabaseAsync());

        await DeliverWithCopiesAsync(due, copies: 3);
    }

    [Fact]
    public async Task Two_copies_on_one_SQLite_file_deliver_each_item_once_to_each_channel_through_random_faults()
    {
        var due = await DueEdition.WriteAsync(Fakes, Workspace, DiscordChannels, SlackChannels);

        await DeliverWithCopiesAsync(due, copies: 2);
    }

    private async Task DeliverWithCopiesAsync(DueEdition due, int copies)
    {
        // Fewer faults than a request is tried (Slack 5 times, Discord 4, and 5 429s), wherever they land: every channel completes
        // in its first attempt rather than a minute later. This seed fails 4 of the first 45 posts (about 30 are made).
        Fakes.Slack.FailRandomly(0.15, seed: 3, SlackFault.HttpTooManyRequests, SlackFault.RatelimitedError, SlackFault.InternalError,
            SlackFault.ServerErrorBeforePosting, SlackFault.ServerErrorAfterPosting);
        Fakes.Discord.RateLimitStorm(2, retryAfter: 0.2, global: true);
        Fakes.Discord.RateLimitStorm(2, retryAfter: 0.2, global: false);
        Fakes.Discord.FailAfterCreating(r => r.OperationId == "create_message", 500, count: 3);

        var bots = Enumerable.Range(0, copies).Select(_ => due.StartBot()).ToList();
        try
        {
            await due.WaitUntilFinishedAsync(bots);

            due.AssertDeliveredOnce(Fakes);
            var messagesPerChannel = due.Expected.Requests("discord", DiscordChannels[0]).Count(r => r.Item.Kind != ItemKind.Thread);
            Assert.Equal(DiscordChannels.Length * messagesPerChannel, Fakes.Discord.CreatedMessages);
            Assert.True(Fakes.Discord.DeduplicatedSends >= 3, "each answer lost after creating is re-sent with its nonce");
            var slackMessages = SlackChannels.Sum(c => Fakes.Slack.AllMessagesIn(c).Count);
            Assert.Equal(SlackChannels.Length * due.Expected.ItemCount("slack"), slackMessages);
            // The faults were there: every 429 scripted was met, and Slack refused or lost some posts.
            Assert.Equal(4, Fakes.Discord.TooManyRequestsSent);
            Assert.True(Fakes.Slack.CallCount("chat.postMessage") > slackMessages, "no Slack post failed");
            foreach (var bot in bots)
            {
                Assert.False(bot.HasExited, bot.AllText);
                // Each copy ingested the same digests as the others, at the same moment, without a failure.
                Assert.Contains(bot.Output, l => l.Contains("Digest ingest: ", StringComparison.Ordinal) && l.EndsWith(", 0 failed", StringComparison.Ordinal));
                Assert.DoesNotContain(bot.Output, l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
            }
        }
        finally
        {
            foreach (var bot in bots)
                await bot.DisposeAsync();
        }
    }
}
