using PaperBot.Core.Delivery;

namespace PaperBot.Core.Subscriptions;

/// <summary>Why a delivery is due.</summary>
public enum DueReason
{
    /// <summary>The channel's time of day came (or came while the bot was down, or a late digest arrived after it).</summary>
    Scheduled,

    /// <summary>A delivery was left unfinished (the sender stopped) and nobody holds it.</summary>
    Resume,

    /// <summary>The last attempt failed in a way that may pass, and its retry time has come.</summary>
    Retry,

    /// <summary>The digest of an edition already posted was revised: the posted messages are edited in place.</summary>
    Revise,
}

public sealed record DueDelivery(Subscription Subscription, DateOnly Date, DueReason Reason);

/// <summary>
/// The schedule's rules, as a pure function of the subscriptions, the archive's edition dates, the delivery record and
/// the time, so every rule is tested on a fake clock:
/// <list type="bullet">
/// <item>At a channel's time of day (its last "slot"), the newest edition the channel has not received is due, if it is fresh:
/// no more than <see cref="ScheduleDefaults.MaxAgeDays"/> older than the channel's local date, and newer than any edition
/// it has. A slot is served once: a delivery started at or after it (by the schedule or by <c>post</c>) serves it.</item>
/// <item>A slot with nothing fresh stays open for the rest of the channel's day, so a late digest goes out as soon as it is in,
/// the same day. Before the channel's time nothing new is due, whatever arrived overnight.</item>
/// <item>After downtime (or on a first start) past the channel's time, today's slot is still open: the newest fresh edition is
/// due at once, one edition, never a backlog.</item>
/// <item>A delivery left unfinished is carried on; a failed one is retried at its retry time, a bounded number of times.</item>
/// </list>
/// </summary>
public sealed class DeliverySchedule(ScheduleDefaults defaults, DeliveryOptions delivery)
{
    /// <summary>The record of a channel is read back this many days; older deliveries do not change what is due.</summary>
    public int HistoryDays => Math.Max(defaults.MaxAgeDays + 2, 14);

    /// <param name="newestFirst">The archive's edition dates, newest first.</param>
    /// <param name="history">The channel's deliveries of the last <see cref="HistoryDays"/> days, any order.</param>
    public DueDelivery? Decide(Subscription subscription, IReadOnlyList<DateOnly> newestFirst, IReadOnlyList<EditionDelivery> history, DateTimeOffset now)
    {
        var localDate = LocalTimes.LocalDate(now, subscription.Zone);
        var oldestFresh = localDate.AddDays(-defaults.MaxAgeDays);
        EditionDelivery? latest = null;
        foreach (var delivery in history)
        {
            if (latest is null || delivery.Key.Date > latest.Key.Date)
                latest = delivery;
        }

        if (latest is not null && latest.Key.Date >= oldestFresh)
        {
            if (latest.State == DeliveryState.InProgress)
                return latest.IsLeasedAt(now) ? null : new DueDelivery(subscription, latest.Key.Date, DueReason.Resume);
            if (latest.MayRetryAt(now, delivery.MaxAttemptsPerEdition))
                return new DueDelivery(subscription, latest.Key.Date, DueReason.Retry);
        }

        var slot = LocalTimes.At(localDate, subscription.TimeOfDay, subscription.Zone);
        if (now < slot || (subscription.Since is { } since && slot < since))
            return null;
        foreach (var delivery in history)
        {
            if (delivery.StartedAt >= slot)
                return null;
        }
        foreach (var date in newestFirst)
        {
            if (date < oldestFresh || (latest is not null && date <= latest.Key.Date))
                return null;
            return new DueDelivery(subscription, date, DueReason.Scheduled);
        }
        return null;
    }

    /// <summary>
    /// Editions the channel has received whose digest changed since (their fingerprint differs from the archive's now):
    /// what is posted is edited in place. Deliveries recorded before fingerprints were are left alone.
    /// </summary>
    /// <param name="currentFingerprint">The archive's fingerprint of an edition, or null when the archive no longer has it.</param>
    public static IEnumerable<DueDelivery> Revisions(Subscription subscription, IReadOnlyList<EditionDelivery> history, Func<DateOnly, string?> currentFingerprint)
    {
        foreach (var delivery in history)
        {
            if (delivery.State != DeliveryState.Delivered || delivery.EditionFingerprint is null or EditionDelivery.LegacyFingerprint)
                continue;
            var current = currentFingerprint(delivery.Key.Date);
            if (current is not null && current != delivery.EditionFingerprint)
                yield return new DueDelivery(subscription, delivery.Key.Date, DueReason.Revise);
        }
    }

    /// <summary>When the channel's next edition is due: its next slot.</summary>
    public static DateTimeOffset NextSlot(Subscription subscription, DateTimeOffset now) =>
        LocalTimes.NextAfter(now, subscription.TimeOfDay, subscription.Zone);
}
