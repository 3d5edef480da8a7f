using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Observability;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Core.Delivery;

/// <summary>
/// Delivers one edition to one channel, the one use case behind the schedule, <c>post</c> and its dry run: from the
/// rendered edition and the record, it works out what the channel is still owed, claims each item before sending it,
/// sends it through the platform's primitives and records the platform's id. Items already sent are edited in place
/// when their content changed (a revised digest), and a paper the revision dropped has its card marked withdrawn.
/// </summary>
public sealed partial class DeliveryPlanner(
    IDeliveryRecord record,
    DeliveryOptions options,
    SenderId sender,
    TimeProvider time,
    ILogger<DeliveryPlanner> logger,
    PaperBotMetrics? metrics = null)
{
    private IDeliveryRecord Record => record;

    private TimeProvider Time => time;

    private PaperBotMetrics? Metrics => metrics;

    private string Sender => sender.Value;

    public async Task<ChannelOutcome> DeliverAsync(IDeliveryPlatform platform, RenderedEdition edition, string channel, CancellationToken cancellationToken)
    {
        var key = new DeliveryKey(platform.Platform, channel, edition.Date);
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var lease = await record.TryLeaseAsync(key, sender.Value, edition.EditionFingerprint, now, now + options.Lease, cancellationToken);
        if (lease is null)
            return new ChannelOutcome.Busy(key);
        if (lease.EditionFingerprint == EditionDelivery.LegacyFingerprint)
        {
            // Posted before items were recorded one by one: complete as it stands, and nothing it holds is known well enough to edit.
            await record.FinishAsync(key, sender.Value, DeliveryFinish.Delivered(EditionDelivery.LegacyFingerprint, lease.ItemsSent), now, CancellationToken.None);
            return new ChannelOutcome.Delivered(key, 0, 0, TimeSpan.Zero);
        }

        var run = new ChannelRun(this, platform, edition, key, lease);
        await using (var keeper = new LeaseKeeper(record, key, sender.Value, time, options.Lease, logger, cancellationToken))
        {
            try
            {
                await run.ExecuteAsync(keeper.Token);
            }
            catch (OperationCanceledException) when (keeper.LeaseLost || run.LeaseLost)
            {
                run.LeaseLost = true;
            }
            catch (OperationCanceledException)
            {
                // Shutting down: give the delivery back at once, so the next start (or another copy) carries on without waiting out the lease.
                await record.FinishAsync(key, sender.Value, new DeliveryFinish(DeliveryState.InProgress, edition.EditionFingerprint, run.SentTotal),
                    time.GetUtcNow(), CancellationToken.None);
                throw;
            }
            if (run.LeaseLost)
            {
                LogLeaseLost(key, run.Sent);
                return new ChannelOutcome.LeaseLost(key, run.Sent);
            }
        }

        var duration = time.GetElapsedTime(started);
        if (run.Failure is { } problem)
            return await FinishFailedAsync(key, lease, edition, run, problem);

        await record.FinishAsync(key, sender.Value, new DeliveryFinish(DeliveryState.Delivered, edition.EditionFingerprint, run.SentTotal, run.EditFailure),
            time.GetUtcNow(), CancellationToken.None);
        if (run.Sent > 0 || run.Edited > 0)
            LogDelivered(key.Platform, key.Channel, key.Date, run.Sent, run.Edited, (long)duration.TotalMilliseconds);
        return new ChannelOutcome.Delivered(key, run.Sent, run.Edited, duration);
    }

    private async Task<ChannelOutcome> FinishFailedAsync(DeliveryKey key, EditionDelivery lease, RenderedEdition edition, ChannelRun run, Problem problem)
    {
        var permanent = problem is not PlatformUnavailable;
        var attempts = lease.Attempts;
        DateTimeOffset? retryAt = permanent || attempts >= options.MaxAttemptsPerEdition
            ? null
            : time.GetUtcNow() + options.RetryDelayAfter(attempts, Random.Shared.NextDouble());
        metrics?.DeliveryFailed(key.Platform);
        await record.FinishAsync(key, sender.Value,
            new DeliveryFinish(DeliveryState.Failed, edition.EditionFingerprint, run.SentTotal, problem.Message, permanent, retryAt),
            time.GetUtcNow(), CancellationToken.None);
        LogFailed(key.Platform, key.Channel, key.Date, run.Sent, problem.Message,
            retryAt is { } at ? $"retry at {at:yyyy-MM-dd HH:mm:ss}Z (attempt {attempts} of {options.MaxAttemptsPerEdition})" : "not retried for this edition");
        return new ChannelOutcome.Failed(key, problem, run.Sent, retryAt);
    }

    /// <summary>One attempt at one channel's delivery: the items walked in posting order.</summary>
    private sealed class ChannelRun(DeliveryPlanner planner, IDeliveryPlatform platform, RenderedEdition edition, DeliveryKey key, EditionDelivery lease)
    {
        private readonly Dictionary<ItemKey, ItemRecord> _records = [];

        public int Sent { get; private set; }

        public int Edited { get; private set; }

        public int SentTotal => _records.Values.Count(r => r.IsSent);

        public Problem? Failure { get; private set; }

        /// <summary>An edit the platform refused for good (the message was deleted): the delivery completes, the error is kept for status.</summary>
        public string? EditFailure { get; private set; }

        public bool LeaseLost { get; set; }

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            foreach (var recorded in await planner.Record.GetItemsAsync(key, cancellationToken))
                _records[recorded.Item] = recorded;

            foreach (var item in edition.Items)
            {
                if (!await DeliverItemAsync(item, cancellationToken))
                    return;
            }
            foreach (var leftover in _records.Values.Where(r => r.IsSent && edition.Find(r.Item) is null).OrderBy(r => r.Item).ToList())
            {
                var replacement = leftover.Item.Kind switch
                {
                    ItemKind.Card => platform.RenderWithdrawnCard(key.Date, leftover.Item.Rank),
                    ItemKind.Reply => platform.RenderRemovedReply(key.Date, leftover.Item),
                    _ => null,
                };
                if (replacement is not null && !await EditIfChangedAsync(leftover, replacement, cancellationToken))
                    return;
            }
        }

        /// <returns>False when the delivery must stop here (a failure, or the lease lost).</returns>
        private async Task<bool> DeliverItemAsync(RenderedItem item, CancellationToken cancellationToken)
        {
            if (_records.TryGetValue(item.Key, out var recorded) && recorded.IsSent)
                return await EditIfChangedAsync(recorded, item, cancellationToken);

            var parentId = ParentOf(item.Key);
            if (item.Key.Kind is ItemKind.Thread or ItemKind.Reply && parentId is null)
                return Fail(new PlatformRejected(key.Platform, $"{item.Key} has no {(item.Key.Kind == ItemKind.Thread ? "card" : "thread")} to go in"));

            var claim = await planner.Record.ClaimItemAsync(key, item.Key, planner.Sender, planner.Time.GetUtcNow(), cancellationToken);
            switch (claim)
            {
                case ItemClaim.LeaseLost:
                    LeaseLost = true;
                    return false;
                case ItemClaim.AlreadySent already:
                    _records[item.Key] = already.Record;
                    return await EditIfChangedAsync(already.Record, item, cancellationToken);
            }

            string? platformId = null;
            if (claim is ItemClaim.Granted { PreviouslyAttempted: true })
            {
                var found = await platform.FindUnrecordedAsync(key, item, parentId, lease.StartedAt, cancellationToken);
                if (!found.IsSuccess)
                    return await FailItemAsync(item, found.Problem);
                platformId = found.Value;
            }
            if (platformId is null)
            {
                var sent = item.Key.Kind switch
                {
                    ItemKind.Header => await platform.SendHeaderAsync(key, item, cancellationToken),
                    ItemKind.Card => await platform.SendCardAsync(key, item, cancellationToken),
                    ItemKind.Thread => await platform.StartThreadAsync(key, item, parentId!, cancellationToken),
                    _ => await platform.SendReplyAsync(key, item, parentId!, cancellationToken),
                };
                if (!sent.IsSuccess)
                    return await FailItemAsync(item, sent.Problem);
                platformId = sent.Value;
                Sent++;
                planner.Metrics?.ItemPosted(key.Platform);
            }
            await RecordSentAsync(item, platformId);
            return true;
        }

        private async Task<bool> EditIfChangedAsync(ItemRecord recorded, RenderedItem item, CancellationToken cancellationToken)
        {
            // An unknown hash (a delivery recorded before items were) is adopted, never edited on a guess.
            if (recorded.ContentHash == item.ContentHash)
                return true;
            if (recorded.ContentHash is not null)
            {
                var threadId = recorded.Item.Kind == ItemKind.Reply ? ParentOf(recorded.Item) : null;
                var edited = await platform.EditAsync(key, item, recorded.PlatformId!, threadId, cancellationToken);
                if (!edited.IsSuccess)
                {
                    if (edited.Problem is PlatformUnavailable)
                        return Fail(edited.Problem);
                    // Deleted by a moderator, say: nothing to edit, and nothing to post again either.
                    EditFailure = $"{recorded.Item} could not be edited: {edited.Problem.Message}";
                }
                else
                    Edited++;
            }
            await RecordSentAsync(item, recorded.PlatformId!);
            return true;
        }

        private async Task RecordSentAsync(RenderedItem item, string platformId)
        {
            var now = planner.Time.GetUtcNow();
            await planner.Record.MarkItemSentAsync(key, item.Key, platformId, item.ContentHash, now, CancellationToken.None);
            var attempts = _records.TryGetValue(item.Key, out var before) ? before.Attempts : 1;
            _records[item.Key] = new ItemRecord(item.Key, ItemState.Sent, platformId, item.ContentHash, attempts, null, now);
        }

        private async Task<bool> FailItemAsync(RenderedItem item, Problem problem)
        {
            await planner.Record.MarkItemFailedAsync(key, item.Key, problem.Message, planner.Time.GetUtcNow(), CancellationToken.None);
            return Fail(problem);
        }

        private bool Fail(Problem problem)
        {
            Failure = problem;
            return false;
        }

        /// <summary>The platform id an item is sent under: a thread's card, a reply's thread (on Slack, the card).</summary>
        private string? ParentOf(ItemKey item)
        {
            var parent = item.Kind switch
            {
                ItemKind.Thread => ItemKey.Card(item.Rank),
                ItemKind.Reply => platform.StartsThreads ? ItemKey.Thread(item.Rank) : ItemKey.Card(item.Rank),
                _ => (ItemKey?)null,
            };
            return parent is { } p && _records.TryGetValue(p, out var recorded) && recorded.IsSent ? recorded.PlatformId : null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {Platform} {Channel} edition {Date}: {Sent} item(s) sent, {Edited} edited, in {DurationMs} ms")]
    private partial void LogDelivered(string platform, string channel, DateOnly date, int sent, int edited, long durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {Platform} {Channel} of edition {Date} failed after {Sent} item(s): {Reason}; {Next}")]
    private partial void LogFailed(string platform, string channel, DateOnly date, int sent, string reason, string next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of {Delivery} was taken over by another sender after {Sent} item(s); it carries on from the record")]
    private partial void LogLeaseLost(DeliveryKey delivery, int sent);
}
