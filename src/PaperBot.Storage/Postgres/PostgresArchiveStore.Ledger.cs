using Npgsql;
using PaperBot.Core.Domain;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresArchiveStore
{
    private const string DeliveryColumns = "platform, channel, date, rank, message_id, thread_id, posted_at";

    public override async Task<IReadOnlyList<Delivery>> GetDeliveriesAsync(string platform, string channel, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT {DeliveryColumns} FROM deliveries
            WHERE platform = @platform AND channel = @channel AND date = @date
            ORDER BY rank;
            """);
        command.Parameters.AddWithValue("platform", platform);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("date", date);
        return await StoredRows.ReadDeliveriesAsync(command, ColumnReaders.Native, cancellationToken);
    }

    public override async Task RecordAsync(Delivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO deliveries ({DeliveryColumns})
                VALUES (@platform, @channel, @date, @rank, @messageId, @threadId, @postedAt)
            ON CONFLICT (platform, channel, date, rank) DO UPDATE SET
                message_id = excluded.message_id, thread_id = excluded.thread_id, posted_at = excluded.posted_at;
            """);
        command.Parameters.AddWithValue("platform", delivery.Platform);
        command.Parameters.AddWithValue("channel", delivery.Channel);
        command.Parameters.AddWithValue("date", delivery.Date);
        command.Parameters.AddWithValue("rank", delivery.Rank);
        command.Parameters.AddWithValue("messageId", delivery.MessageId);
        command.Parameters.AddWithValue("threadId", (object?)delivery.ThreadId ?? DBNull.Value);
        command.Parameters.AddWithValue("postedAt", delivery.PostedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<Delivery?> FindByMessageOrThreadAsync(string platform, string messageOrThreadId, CancellationToken cancellationToken = default)
    {
        // Two indexed lookups rather than one OR, so each uses its own index. Only papers count, not the header.
        await using var command = _dataSource.CreateCommand($"""
            SELECT {DeliveryColumns} FROM (
                SELECT {DeliveryColumns} FROM deliveries WHERE platform = @platform AND message_id = @id
                UNION
                SELECT {DeliveryColumns} FROM deliveries WHERE platform = @platform AND thread_id = @id) AS found
            WHERE rank > 0
            ORDER BY posted_at DESC
            LIMIT 1;
            """);
        command.Parameters.AddWithValue("platform", platform);
        command.Parameters.AddWithValue("id", messageOrThreadId);
        var found = await StoredRows.ReadDeliveriesAsync(command, ColumnReaders.Native, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }
}
