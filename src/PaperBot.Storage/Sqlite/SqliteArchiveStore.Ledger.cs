using Microsoft.Data.Sqlite;
using PaperBot.Core.Domain;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Sqlite;

public sealed partial class SqliteArchiveStore
{
    private const string DeliveryColumns = "platform, channel, date, rank, message_id, thread_id, posted_at";

    public override async Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(string platform, string channel, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {DeliveryColumns} FROM deliveries
            WHERE platform = $platform AND channel = $channel AND date = $date
            ORDER BY rank;
            """;
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$date", SqliteValues.Date(date));
        return await StoredRows.ReadDeliveriesAsync(command, SqliteValues.Columns, cancellationToken);
    }

    public override async Task RecordAsync(Delivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO deliveries ({DeliveryColumns})
                VALUES ($platform, $channel, $date, $rank, $messageId, $threadId, $postedAt)
            ON CONFLICT (platform, channel, date, rank) DO UPDATE SET
                message_id = excluded.message_id, thread_id = excluded.thread_id, posted_at = excluded.posted_at;
            """;
        command.Parameters.AddWithValue("$platform", delivery.Platform);
        command.Parameters.AddWithValue("$channel", delivery.Channel);
        command.Parameters.AddWithValue("$date", SqliteValues.Date(delivery.Date));
        command.Parameters.AddWithValue("$rank", delivery.Rank);
        command.Parameters.AddWithValue("$messageId", delivery.MessageId);
        command.Parameters.AddWithValue("$threadId", SqliteValues.OrNull(delivery.ThreadId));
        command.Parameters.AddWithValue("$postedAt", SqliteValues.Instant(delivery.PostedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<Delivery?> FindByMessageOrThreadAsync(string platform, string messageOrThreadId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Two indexed lookups rather than one OR, so each uses its own index. Only papers count, not the header.
        command.CommandText = $"""
            SELECT {DeliveryColumns} FROM (
                SELECT {DeliveryColumns} FROM deliveries WHERE platform = $platform AND message_id = $id
                UNION
                SELECT {DeliveryColumns} FROM deliveries WHERE platform = $platform AND thread_id = $id)
            WHERE rank > 0
            ORDER BY posted_at DESC
            LIMIT 1;
            """;
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$id", messageOrThreadId);
        var found = await StoredRows.ReadDeliveriesAsync(command, SqliteValues.Columns, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }
}
