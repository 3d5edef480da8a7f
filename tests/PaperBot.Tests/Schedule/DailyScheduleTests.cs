using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;
using PaperBot.Tests.EndToEnd;

namespace PaperBot.Tests.Schedule;

/// <summary>
/// The "done when", as an operator and the channels' members see it: the bot process with two Discord channels and
/// a Slack channel configured in Asia/Seoul, ten years of old digests and one dated today, a time of day a minute or so
/// ahead — and people subscribing more channels from the chat before that minute.
/// </summary>
public sealed class DailyScheduleTests : PlatformFakesTest
{
    private const string SecondDiscordChannel = "1100000000000000002";
    private const string ChatDiscordChannel = "1100000000000000003";
    private const string RefusedDiscordChannel = "1100000000000000004";
    private const string UnsubscribedDiscordChannel = "1100000000000000005";
    private const string ChatSlackChannel = "C0PAPERS02";
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    [Fact]
    public async Task At_the_channels_minute_exactly_todays_edition_goes_out_once_everywhere_a_revision_is_edited_in_and_a_restart_posts_nothing()
    {
        CopyTenYearsOfDigestsInto(Workspace.Digests);
        var slot = NextMinuteAtLeast(TimeSpan.FromSeconds(75));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot, Seoul).DateTime);
        var time = TimeZoneInfo.ConvertTime(slot, Seoul).ToString("HH:mm", CultureInfo.InvariantCulture);
        var digest = Workspace.WriteDigestDated(today);
        var environment = Fakes.Environment(Workspace, new Dictionary<string, string?>
        {
            ["Discord:Channels:1"] = SecondDiscordChannel,
            ["Schedule:TimeZone"] = "Asia/Seoul",
            ["Schedule:TimeOfDay"] = time,
            ["Digests:DebounceMilliseconds"] = "200",
        });

        await using (var bot = BotServer.Run(Workspace.Root, environment))
        {
            using var http = new HttpClient { BaseAddress = await bot.WaitForAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
            await bot.WaitForLineAsync(line => line.Contains("Schedule: 3 channel(s) subscribed", StringComparison.Ordinal), 90);
            Assert.True(DateTimeOffset.UtcNow < slot, "the archive took too long to ingest for this test's minute");

            // Before the minute, people manage subscriptions from the chat.
            var subscribed = await DiscordAsync(http, InteractionBodies.CommandBy("subscribe", InteractionBodies.ManageChannels, ChatDiscordChannel,
                ("time", time), ("timezone", "Asia/Seoul")));
            Assert.StartsWith($"Subscribed: this channel gets each new edition at {time} Asia/Seoul.", subscribed);
            Assert.Contains($"Next delivery: {TimeZoneInfo.ConvertTime(slot, Seoul):ddd yyyy-MM-dd HH:mm} Asia/Seoul (UTC+09:00), in ", subscribed);

            var refused = await DiscordAsync(http, InteractionBodies.CommandBy("subscribe", InteractionBodies.PlainMember, RefusedDiscordChannel));
            Assert.Contains("Manage Channels", refused);

            await DiscordAsync(http, InteractionBodies.CommandBy("subscribe", InteractionBodies.ManageChannels, UnsubscribedDiscordChannel, ("time", time)));
            var unsubscribed = await DiscordAsync(http, InteractionBodies.CommandBy("unsubscribe", InteractionBodies.ManageChannels, UnsubscribedDiscordChannel));
            Assert.StartsWith("Unsubscribed: this channel no longer gets the daily papers", unsubscribed);

            var status = await DiscordAsync(http, InteractionBodies.CommandBy("status", InteractionBodies.PlainMember, PlatformFakes.DiscordChannel));
            Assert.StartsWith($"This channel is subscribed: each new edition at {time} Asia/Seoul (from PaperBot's settings).", status);
            Assert.Contains("No edition has been delivered here yet.", status);

            var slackAnswer = await SlackAsync(http, $"subscribe {time} Asia/Seoul", ChatSlackChannel);
            Assert.Contains($"Subscribed: this channel gets each new edition at {time} Asia/Seoul.", slackAnswer);
            Assert.Equal("ephemeral", JsonNode.Parse(slackAnswer)!["response_type"]!.GetValue<string>());

            // At the minute: today's edition, once, in every subscribed channel, and nothing older anywhere.
            string[] discordChannels = [PlatformFakes.DiscordChannel, SecondDiscordChannel, ChatDiscordChannel];
            string[] slackChannels = [PlatformFakes.SlackChannel, ChatSlackChannel];
            await EventuallyAsync(() => discordChannels.All(c => Fakes.Discord.ThreadsIn(c).Count == 5) &&
                                        slackChannels.All(c => Fakes.Slack.ItemsIn(c).Count(i => i!.StartsWith("card:", StringComparison.Ordinal)) == 5) &&
                                        bot.AllText.Split('\n').Count(l => l.Contains("Delivered ", StringComparison.Ordinal)) == 5,
                seconds: (int)(slot - DateTimeOffset.UtcNow).TotalSeconds + 90);

            var firstPost = Fakes.Discord.To("create_message").Min(r => r.At);
            Assert.InRange(firstPost, slot, slot.AddSeconds(45));
            foreach (var channel in discordChannels)
                AssertTodaysEditionOnce(Fakes.Discord.MessagesIn(channel), today);
            foreach (var channel in slackChannels)
                AssertSlackEditionOnce(Fakes.Slack, channel, today);
            Assert.Empty(Fakes.Discord.MessagesIn(RefusedDiscordChannel));
            Assert.Empty(Fakes.Discord.MessagesIn(UnsubscribedDiscordChannel));
            Assert.Empty(Fakes.Discord.Violations);
            Assert.Empty(Fakes.Slack.SpecViolations);

            // The upstream pipeline revises today's digest: what is posted is edited in place within seconds, nothing is posted again.
            var creates = CreatedCount();
            File.WriteAllText(digest, File.ReadAllText(digest).Replace("SFT의 치명적 망각 문제를 해결하기 위해", "수정된 요약: SFT의 망각 문제를 풀기 위해", StringComparison.Ordinal));
            await EventuallyAsync(() =>
                discordChannels.All(c => Fakes.Discord.MessagesIn(c).Any(m => m.Edits > 0 && m.EmbedDescription?.Contains("수정된 요약", StringComparison.Ordinal) == true)) &&
                slackChannels.All(c => Fakes.Slack.MessagesIn(c).Any(m => m.Edits > 0 && m.AllText.Contains("수정된 요약", StringComparison.Ordinal))), seconds: 30);
            Assert.Equal(creates, CreatedCount());
        }

        // A restart posts nothing, and status tells what the channel got.
        var before = CreatedCount();
        await using (var restarted = BotServer.Run(Workspace.Root, environment))
        {
            using var http = new HttpClient { BaseAddress = await restarted.WaitForAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
            await restarted.WaitForLineAsync(line => line.Contains("Schedule: 5 channel(s) subscribed, 0 delivery(ies) due now", StringComparison.Ordinal), 90);
            var status = await DiscordAsync(http, InteractionBodies.CommandBy("status", InteractionBodies.PlainMember, ChatDiscordChannel));
            Assert.Contains($"Last edition received: {today:yyyy-MM-dd}, delivered ", status);
        }
        Assert.Equal(before, CreatedCount());
    }

    private int CreatedCount() => Fakes.Discord.CreatedMessages + Fakes.Slack.CallCount("chat.postMessage");

    private static void AssertTodaysEditionOnce(IReadOnlyList<FakeMessage> messages, DateOnly today)
    {
        Assert.Equal(6, messages.Count);
        Assert.Contains(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), messages[0].Content);
        Assert.Equal(RealDigest.Latest.Papers.Select(p => $"{p.Rank}. {p.Title}"), messages.Skip(1).Select(m => m.EmbedTitle));
    }

    private static void AssertSlackEditionOnce(FakeSlackApi slack, string channel, DateOnly today)
    {
        var items = slack.ItemsIn(channel);
        Assert.Equal(items.Distinct().Count(), items.Count);
        Assert.Equal("header", items[0]);
        Assert.All(slack.AllMessagesIn(channel), m => Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Date));
    }

    private async Task<string> DiscordAsync(HttpClient http, string body)
    {
        using var response = await http.SendAsync(Fakes.DiscordSigner.Request("/discord/interactions", body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var data = JsonDocument.Parse(text).RootElement.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        return data.GetProperty("content").GetString()!;
    }

    private async Task<string> SlackAsync(HttpClient http, string text, string channel)
    {
        var body = SlackBodies.Command(text, Fakes.ResponseUrls.UrlFor("cmd").ToString(), channel);
        using var response = await http.SendAsync(SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", PlatformFakes.SlackSigningSecret));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {answer}");
        return answer;
    }

    private static void CopyTenYearsOfDigestsInto(string folder)
    {
        var corpus = PaperBot.Corpus.DigestCorpus.CachedTenYears();
        foreach (var file in Directory.EnumerateFiles(corpus).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
    }

    /// <summary>The start of a minute at least <paramref name="lead"/> from now.</summary>
    private static DateTimeOffset NextMinuteAtLeast(TimeSpan lead)
    {
        var earliest = DateTimeOffset.UtcNow + lead;
        var minute = new DateTimeOffset(earliest.Year, earliest.Month, earliest.Day, earliest.Hour, earliest.Minute, 0, TimeSpan.Zero);
        return minute < earliest ? minute.AddMinutes(1) : minute;
    }

    private static async Task EventuallyAsync(Func<bool> condition, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not delivered within {seconds} s.");
            await Task.Delay(200);
        }
    }
}
