using System.Text;
using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Core.Subscriptions;

/// <summary>
/// <c>/papers subscribe</c>, <c>unsubscribe</c> and <c>status</c> for the channel they were used in, on either platform.
/// Every answer is private and in plain words: what changed, when the next edition comes, what went wrong and what would work.
/// </summary>
public sealed class SubscriptionCommands(SubscriptionDirectory directory, IDeliveryRecord record, TimeProvider time)
{
    private const int HistoryShown = 10;

    /// <param name="mayManageChannel">Whether the person may change the channel's subscription (Discord: Manage Channels or Administrator).</param>
    /// <param name="by">Who asked, as the platform names them (kept with the subscription).</param>
    public async Task<Result<PapersAnswer>> AnswerAsync(PapersCommand.ChannelCommand command, ChannelRef channel, bool mayManageChannel, string? by,
        CancellationToken cancellationToken = default)
    {
        switch (command)
        {
            case PapersCommand.Status:
                return new PapersAnswer.Notice(await StatusAsync(channel, cancellationToken));
            case PapersCommand.Subscribe or PapersCommand.Unsubscribe when !mayManageChannel:
                return new NotAllowed("Only members with the Manage Channels permission (or Administrator) can change this channel's subscription. " +
                                      "`/papers status` shows it to anyone.");
            case PapersCommand.Subscribe subscribe:
                return await SubscribeAsync(channel, subscribe, by, cancellationToken);
            case PapersCommand.Unsubscribe:
                var ended = await directory.UnsubscribeAsync(channel, by, cancellationToken);
                return new PapersAnswer.Notice(ended is null
                    ? "This channel was not subscribed; nothing changed. `/papers subscribe [HH:MM] [Area/City]` subscribes it."
                    : $"Unsubscribed: this channel no longer gets the daily papers (it got them at {ended.Describe()}). `/papers subscribe` brings them back.");
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown channel command.");
        }
    }

    private async Task<Result<PapersAnswer>> SubscribeAsync(ChannelRef channel, PapersCommand.Subscribe subscribe, string? by, CancellationToken cancellationToken)
    {
        var current = await directory.FindAsync(channel, cancellationToken);
        var defaults = directory.Defaults;
        var timeOfDay = current?.TimeOfDay ?? defaults.TimeOfDay;
        if (!string.IsNullOrWhiteSpace(subscribe.Time) && !LocalTimes.TryParseTimeOfDay(subscribe.Time, out timeOfDay))
            return new BadCommand($"`{Shown(subscribe.Time)}` is not a time of day: write it as HH:MM, 24-hour, such as 09:00 or 18:30.", PapersUsage.Subscribe);
        var zone = current?.Zone ?? defaults.Zone;
        if (!string.IsNullOrWhiteSpace(subscribe.TimeZone) && !LocalTimes.TryFindZone(subscribe.TimeZone, out zone))
            return new BadCommand($"`{Shown(subscribe.TimeZone)}` is not a time zone: use an IANA name (Area/City) such as Asia/Seoul, America/New_York or UTC.",
                PapersUsage.Subscribe);

        var subscription = await directory.SubscribeAsync(channel, timeOfDay, zone!, by, cancellationToken);
        var now = time.GetUtcNow();
        var next = DeliverySchedule.NextSlot(subscription, now);
        var verb = current is null ? "Subscribed" : "Updated";
        return new PapersAnswer.Notice(
            $"{verb}: this channel gets each new edition at {subscription.Describe()}.\n" +
            $"Next delivery: {LocalTimes.Describe(next, zone!)}, {LocalTimes.Until(now, next)}.");
    }

    private async Task<string> StatusAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        var subscription = await directory.FindAsync(channel, cancellationToken);
        var history = await record.GetChannelHistoryAsync(channel, HistoryShown, cancellationToken);
        var zone = subscription?.Zone ?? directory.Defaults.Zone;
        var now = time.GetUtcNow();
        var text = new StringBuilder();
        if (subscription is null)
            text.Append("This channel is not subscribed. `/papers subscribe [HH:MM] [Area/City]` posts each new edition here at that local time.");
        else
        {
            var next = DeliverySchedule.NextSlot(subscription, now);
            text.Append($"This channel is subscribed: each new edition at {subscription.Describe()}")
                .Append(subscription.Origin == SubscriptionOrigin.Configuration ? " (from PaperBot's settings)." : ".")
                .Append($"\nNext edition due: {LocalTimes.Describe(next, zone)}, {LocalTimes.Until(now, next)}.");
        }

        var delivered = history.FirstOrDefault(d => d.State == DeliveryState.Delivered);
        if (delivered is not null)
            text.Append($"\nLast edition received: {EditionDates.ToText(delivered.Key.Date)}, delivered {LocalTimes.Describe(delivered.FinishedAt ?? delivered.StartedAt, zone)}.");
        else if (subscription is not null)
            text.Append("\nNo edition has been delivered here yet.");

        var unfinished = history.FirstOrDefault(d => d.State == DeliveryState.InProgress && (delivered is null || d.Key.Date > delivered.Key.Date));
        if (unfinished is not null)
            text.Append($"\nThe {EditionDates.ToText(unfinished.Key.Date)} edition is being delivered now ({unfinished.ItemsSent} message(s) so far).");

        var failed = history.FirstOrDefault(d => d.LastError is not null);
        if (failed is not null)
        {
            var when = failed.FinishedAt ?? failed.StartedAt;
            text.Append($"\nLast delivery error ({EditionDates.ToText(failed.Key.Date)} edition, {LocalTimes.Describe(when, zone)}): {failed.LastError}");
            if (failed.State == DeliveryState.Failed)
                text.Append(failed.RetryAt is { } retry
                    ? $" It is tried again {LocalTimes.Until(now, retry)}."
                    : failed.Permanent
                        ? " It is not retried for this edition: check that PaperBot is in the channel and may post there; the next edition is tried afresh."
                        : " PaperBot gave up on this edition after several tries; the next edition is tried afresh.");
        }
        return text.ToString();
    }

    private static string Shown(string text) => text.Length <= 40 ? text.Replace("`", "'") : text[..40].Replace("`", "'") + "…";
}
