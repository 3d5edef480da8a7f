using PaperBot.Core.Delivery;
using PaperBot.Testing;
using PaperBot.Testing.Slack;
using PaperBot.Tests.EndToEnd;
using DiscordHold = PaperBot.Testing.Discord.HoldPoint;
using SlackHold = PaperBot.Testing.Slack.HoldPoint;

namespace PaperBot.Tests.Delivery;

/// <summary>Where in an edition the bot process is killed.</summary>
public enum CrashPoint
{
    /// <summary>Card 1's request reached the platform, which has not acted on it yet.</summary>
    BeforeACard,

    /// <summary>The platform created card 1, the bot never got the answer: its thread is not started.</summary>
    BetweenACardAndItsThread,

    /// <summary>The platform started card 1's thread (on Slack: posted its first reply), the bot never got the answer.</summary>
    WhenTheThreadWasStarted,

    /// <summary>The platform created the second reply in card 1's thread, the bot never got the answer.</summary>
    InsideAThread,
}

/// <summary>
/// kill -9 in the middle of an edition, on Discord and Slack at once: the fakes stop each platform's delivery at the same
/// point, the bot process is killed with SIGKILL, and a new process on the same SQLite file takes the deliveries over once
/// the dead one's lease runs out, completing both channels with no item missing and none twice.
/// </summary>
public sealed class CrashTests : PlatformFakesTest
{
    [Theory]
    [InlineData(CrashPoint.BeforeACard)]
    [InlineData(CrashPoint.BetweenACardAndItsThread)]
    [InlineData(CrashPoint.WhenTheThreadWasStarted)]
    [InlineData(CrashPoint.InsideAThread)]
    public async Task A_bot_killed_mid_edition_is_taken_over_by_a_new_process_that_completes_it_with_every_item_once_in_order(CrashPoint point)
    {
        const string discordChannel = PlatformFakes.DiscordChannel, slackChannel = PlatformFakes.SlackChannel;
        var due = await DueEdition.WriteAsync(Fakes, Workspace, [discordChannel], [slackChannel], revise: WithALongAbstract(rank: 1));
        var (discordItem, slackItem, created) = point switch
        {
            CrashPoint.BeforeACard => (ItemKey.Card(1), ItemKey.Card(1), false),
            CrashPoint.BetweenACardAndItsThread => (ItemKey.Card(1), ItemKey.Card(1), true),
            CrashPoint.WhenTheThreadWasStarted => (ItemKey.Thread(1), ItemKey.Reply(1, 0), true),
            _ => (ItemKey.Reply(1, 1), ItemKey.Reply(1, 1), true),
        };
        var discordHeld = Fakes.Discord.Hold(due.Expected.DiscordRequestFor(discordChannel, discordItem),
            created ? DiscordHold.AfterCreating : DiscordHold.BeforeCreating);
        // Only the dead process's request is held (until the fake is disposed); the new process's go through.
        var slackHeld = Fakes.Slack.Hold(FirstOnly<SlackCall>(call => call.Method == "chat.postMessage" && call.Item == slackItem.Id),
            created ? SlackHold.AfterStoring : SlackHold.BeforeHandling, dropIfAborted: true);

        await using (var bot = due.StartBot())
        {
            await Task.WhenAll(discordHeld.Reached, slackHeld.Reached).WaitAsync(TimeSpan.FromSeconds(60));
            await bot.KillAsync();
        }
        var killedAt = DateTimeOffset.UtcNow;
        // Killed where meant: the platforms hold the item (or not yet), and nothing after it.
        Assert.Equal(created ? 1 : 0, due.Expected.CopiesOf(Fakes.Discord, discordChannel, discordItem));
        Assert.Equal(created ? 1 : 0, Fakes.Slack.ItemsIn(slackChannel).Count(i => i == slackItem.Id));
        Assert.Equal(due.Expected.ItemsBefore("discord", discordChannel, discordItem) + (created ? 1 : 0), ExpectedEdition.ItemsIn(Fakes.Discord, discordChannel));
        Assert.Equal(due.Expected.ItemsBefore("slack", slackChannel, slackItem) + (created ? 1 : 0), Fakes.Slack.ItemsIn(slackChannel).Count);

        // The dead process's lease, renewed a moment before the kill, must run out before another sender may take over.
        await Task.Delay(killedAt + DueEdition.Lease + TimeSpan.FromMilliseconds(250) - DateTimeOffset.UtcNow);
        await using var restarted = due.StartBot();
        await restarted.WaitForLineAsync(l => l.Contains("Schedule: 2 channel(s) subscribed, 2 delivery(ies) due now", StringComparison.Ordinal));
        await due.WaitUntilFinishedAsync([restarted]);

        due.AssertDeliveredOnce(Fakes);
    }

    /// <summary>Paper <paramref name="rank"/>'s abstract made long enough for several thread replies on either platform.</summary>
    private static Func<string, string> WithALongAbstract(int rank) => digest =>
    {
        var paper = digest.IndexOf($"\n## {rank}. ", StringComparison.Ordinal);
        var heading = "### 📝 초록 (번역)\n";
        var abstractAt = digest.IndexOf(heading, paper, StringComparison.Ordinal) + heading.Length;
        return digest.Insert(abstractAt, LongText.Abstract(2500) + "\n\n");
    };

    /// <summary>A predicate true for the first value that satisfies <paramref name="match"/>, and never again.</summary>
    private static Func<T, bool> FirstOnly<T>(Func<T, bool> match)
    {
        var taken = 0;
        return value => match(value) && Interlocked.Exchange(ref taken, 1) == 0;
    }
}
