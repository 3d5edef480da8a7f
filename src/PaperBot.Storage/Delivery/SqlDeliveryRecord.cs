using System.Data.Common;
using System.Globalization;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ports;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Delivery;

/// <summary>
/// The delivery record and the subscriptions on either database, with the semantics of the in-memory reference record
/// (tests/PaperBot.Testing/Delivery/InMemoryDeliveryRecord.cs): every decision of who sends is one statement, or one
/// transaction, at the <c>now</c> the caller passes.
/// </summary>
internal sealed class SqlDeliveryRecord(DeliveryDatabase database) : IDeliveryRecord, ISubscriptionStore
{
    public Task<EditionDelivery?> TryLeaseAsync(DeliveryKey key, string owner, string editionFingerprint, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default) =>
        DecideAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, DeliverySql.Lease, key);
            DeliveryDatabase.AddText(command, "@owner", owner);
            DeliveryDatabase.AddText(command, "@fingerprint", editionFingerprint);
            database.AddInstant(command, "@now", now);
            database.AddInstant(command, "@leaseUntil", leaseUntil);
            var leased = await StoredRows.ReadAllAsync(command, ReadDelivery, cancellationToken);
            return leased.Count == 0 ? null : leased[0];
        }, cancellationToken);

    public Task<bool> RenewLeaseAsync(DeliveryKey key, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        DecideAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, DeliverySql.RenewLease, key);
            DeliveryDatabase.AddText(command, "@owner", owner);
            database.AddInstant(command, "@leaseUntil", leaseUntil);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public async Task<IReadOnlyList<ItemRecord>> GetItemsAsync(DeliveryKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, DeliverySql.Items, key);
        var items = await StoredRows.ReadAllAsync(command, ReadItem, cancellationToken);
        return items.OrderBy(i => i.Item).ToList();
    }

    public Task<ItemClaim> ClaimItemAsync(DeliveryKey key, ItemKey item, string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        DecideAsync(async (connection, transaction) =>
        {
            (bool Leased, int? Attempts) claimed;
            await using (var claim = Command(connection, transaction, "", key))
            {
                DeliveryDatabase.AddText(claim, "@item", item.Id);
                DeliveryDatabase.AddText(claim, "@owner", owner);
                database.AddInstant(claim, "@now", now);
                claimed = await database.ClaimAsync(claim, cancellationToken);
            }
            if (!claimed.Leased)
                return new ItemClaim.LeaseLost();
            if (claimed.Attempts is { } attempts)
                return new ItemClaim.Granted(PreviouslyAttempted: attempts > 1);

            // The owner holds the lease, so the item was not claimed because it is sent; a sent item stays sent.
            await using var sent = Command(connection, transaction, DeliverySql.Item, key);
            DeliveryDatabase.AddText(sent, "@item", item.Id);
            return (ItemClaim)new ItemClaim.AlreadySent((await StoredRows.ReadAllAsync(sent, ReadItem, cancellationToken)).Single());
        }, cancellationToken);

    public async Task MarkItemSentAsync(DeliveryKey key, ItemKey item, string platformId, string contentHash, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, DeliverySql.MarkItemSent, key);
        DeliveryDatabase.AddText(command, "@item", item.Id);
        DeliveryDatabase.AddText(command, "@platformId", platformId);
        DeliveryDatabase.AddText(command, "@contentHash", contentHash);
        database.AddInstant(command, "@now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkItemFailedAsync(DeliveryKey key, ItemKey item, string error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, DeliverySql.MarkItemFailed, key);
        DeliveryDatabase.AddText(command, "@item", item.Id);
        DeliveryDatabase.AddText(command, "@error", error);
        database.AddInstant(command, "@now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task FinishAsync(DeliveryKey key, string owner, DeliveryFinish finish, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finish);
        return DecideAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, DeliverySql.Finish, key);
            DeliveryDatabase.AddText(command, "@owner", owner);
            DeliveryDatabase.AddText(command, "@state", StoredStates.Text(finish.State));
            DeliveryDatabase.AddText(command, "@fingerprint", finish.EditionFingerprint);
            DeliveryDatabase.AddInteger(command, "@itemsSent", finish.ItemsSent);
            DeliveryDatabase.AddText(command, "@error", finish.Error);
            DeliveryDatabase.AddBoolean(command, "@permanent", finish.Permanent);
            database.AddInstant(command, "@retryAt", finish.RetryAt);
            database.AddInstant(command, "@now", now);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<EditionDelivery>> GetDeliveriesSinceAsync(DateOnly since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, DeliverySql.DeliveriesSince);
        database.AddDate(command, "@since", since);
        return await StoredRows.ReadAllAsync(command, ReadDelivery, cancellationToken);
    }

    public async Task<IReadOnlyList<EditionDelivery>> GetChannelHistoryAsync(ChannelRef channel, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (limit <= 0)
            return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, DeliverySql.ChannelHistory);
        DeliveryDatabase.AddText(command, "@platform", channel.Platform);
        DeliveryDatabase.AddText(command, "@channel", channel.Channel);
        DeliveryDatabase.AddInteger(command, "@limit", limit);
        return await StoredRows.ReadAllAsync(command, ReadDelivery, cancellationToken);
    }

    public async Task<IReadOnlyList<EditionDelivery>> GetEditionDeliveriesAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, DeliverySql.EditionDeliveries);
        database.AddDate(command, "@date", date);
        var deliveries = await StoredRows.ReadAllAsync(command, ReadDelivery, cancellationToken);
        // Ordinal, whatever the database's collation.
        return deliveries.OrderBy(d => d.Key.Platform, StringComparer.Ordinal).ThenBy(d => d.Key.Channel, StringComparer.Ordinal).ToList();
    }

    public async Task<PostedPaper?> FindPostedPaperAsync(string platform, string messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, DeliverySql.ItemsWithPlatformId);
        DeliveryDatabase.AddText(command, "@platform", platform);
        DeliveryDatabase.AddText(command, "@platformId", messageId);
        var found = await StoredRows.ReadAllAsync(command, reader =>
            (Key: new DeliveryKey(reader.GetString(0), reader.GetString(1), database.Columns.Date(reader, 2)), Item: ItemKey.Parse(reader.GetString(3))),
            cancellationToken);
        // Only a card or its thread names a paper; the header and the replies do not.
        return found.Where(f => f.Item.Kind is ItemKind.Card or ItemKind.Thread)
            .Select(f => new PostedPaper(f.Key.Platform, f.Key.Channel, f.Key.Date, f.Item.Rank))
            .FirstOrDefault();
    }

    public async Task<IReadOnlyList<StoredSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, DeliverySql.Subscriptions);
        return await StoredRows.ReadAllAsync(command, reader => StoredRows.ReadSubscription(reader, database.Columns), cancellationToken);
    }

    public async Task SaveSubscriptionAsync(StoredSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, DeliverySql.SaveSubscription);
        DeliveryDatabase.AddText(command, "@platform", subscription.Channel.Platform);
        DeliveryDatabase.AddText(command, "@channel", subscription.Channel.Channel);
        DeliveryDatabase.AddBoolean(command, "@active", subscription.Active);
        DeliveryDatabase.AddText(command, "@timeOfDay", subscription.TimeOfDay.ToString(StoredStates.TimeOfDayFormat, CultureInfo.InvariantCulture));
        DeliveryDatabase.AddText(command, "@timeZone", subscription.TimeZone);
        database.AddInstant(command, "@changedAt", subscription.ChangedAt);
        DeliveryDatabase.AddText(command, "@changedBy", subscription.ChangedBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one decision in the database's decision transaction (if it needs one) on a connection of its own.</summary>
    private async Task<T> DecideAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> decide, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await database.BeginDecisionAsync(connection, ct);
        var decided = await decide(connection, transaction);
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        return decided;
    }

    private EditionDelivery ReadDelivery(DbDataReader reader) => StoredRows.ReadDelivery(reader, database.Columns);

    private ItemRecord ReadItem(DbDataReader reader) => StoredRows.ReadItem(reader, database.Columns);

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, DeliveryKey? key = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (key is not null)
        {
            DeliveryDatabase.AddText(command, "@platform", key.Platform);
            DeliveryDatabase.AddText(command, "@channel", key.Channel);
            database.AddDate(command, "@date", key.Date);
        }
        return command;
    }
}
