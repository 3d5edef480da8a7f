using System.Data.Common;
using System.Globalization;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage.Caching;

namespace PaperBot.Storage.Serialization;

/// <summary>How a database hands back dates and instants: natively (PostgreSQL) or as ISO text (SQLite).</summary>
internal sealed record ColumnReaders(Func<DbDataReader, int, DateOnly> Date, Func<DbDataReader, int, DateTimeOffset> Instant)
{
    public static readonly ColumnReaders Native = new((reader, i) => reader.GetFieldValue<DateOnly>(i), (reader, i) => reader.GetFieldValue<DateTimeOffset>(i));

    public DateTimeOffset? InstantOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Instant(reader, ordinal);
}

/// <summary>Reading rows back, the same for every database: the columns in the order every query selects them.</summary>
internal static class StoredRows
{
    public static Paper ReadPaper(DbDataReader reader) => new(
        Rank: reader.GetInt32(0),
        Title: reader.GetString(1),
        Url: reader.GetString(2),
        ArxivId: reader.IsDBNull(3) ? null : reader.GetString(3),
        Upvotes: reader.IsDBNull(4) ? null : reader.GetInt32(4),
        Thumbnail: reader.IsDBNull(5) ? null : reader.GetString(5),
        Summary: reader.GetString(6),
        Abstract: reader.GetString(7),
        KeyPoints: PaperJson.ToStrings(reader.GetString(8)),
        Figures: PaperJson.ToStrings(reader.GetString(9)),
        OtherSections: PaperJson.ToSections(reader.GetString(10)));

    /// <summary>An edition's papers; a row whose paper columns are null is an edition without papers; no row, no edition.</summary>
    public static async Task<Edition?> ReadEditionAsync(DbCommand command, DateOnly date, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = false;
        var papers = new List<Paper>();
        while (await reader.ReadAsync(ct))
        {
            found = true;
            if (!reader.IsDBNull(0))
                papers.Add(ReadPaper(reader));
        }
        return found ? new Edition(date, papers) : null;
    }

    /// <summary>Date, rank and (when selected) score of each hit.</summary>
    public static async Task<IReadOnlyList<PaperKey>> ReadKeysAsync(DbCommand command, ColumnReaders columns, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<PaperKey>();
        var hasScore = reader.FieldCount > 2;
        while (await reader.ReadAsync(ct))
            keys.Add(new PaperKey(columns.Date(reader, 0), reader.GetInt32(1), hasScore ? reader.GetDouble(2) : 0));
        return keys;
    }

    /// <summary>An edition's delivery to a channel, in the column order of <see cref="Delivery.DeliverySql.DeliveryColumns"/>.</summary>
    public static EditionDelivery ReadDelivery(DbDataReader reader, ColumnReaders columns) => new(
        Key: new DeliveryKey(reader.GetString(0), reader.GetString(1), columns.Date(reader, 2)),
        State: StoredStates.Delivery(reader.GetString(3)),
        Owner: StringOrNull(reader, 4),
        LeaseUntil: columns.InstantOrNull(reader, 5),
        Attempts: reader.GetInt32(6),
        LastError: StringOrNull(reader, 7),
        Permanent: reader.GetBoolean(8),
        RetryAt: columns.InstantOrNull(reader, 9),
        EditionFingerprint: StringOrNull(reader, 10),
        ItemsSent: reader.GetInt32(11),
        StartedAt: columns.Instant(reader, 12),
        FinishedAt: columns.InstantOrNull(reader, 13));

    /// <summary>One item of a delivery, in the column order of <see cref="Delivery.DeliverySql.ItemColumns"/>.</summary>
    public static ItemRecord ReadItem(DbDataReader reader, ColumnReaders columns) => new(
        Item: ItemKey.Parse(reader.GetString(0)),
        State: StoredStates.Item(reader.GetString(1)),
        PlatformId: StringOrNull(reader, 2),
        ContentHash: StringOrNull(reader, 3),
        Attempts: reader.GetInt32(4),
        Error: StringOrNull(reader, 5),
        UpdatedAt: columns.Instant(reader, 6));

    /// <summary>A subscription made in chat, in the column order of <see cref="Delivery.DeliverySql.SubscriptionColumns"/>.</summary>
    public static StoredSubscription ReadSubscription(DbDataReader reader, ColumnReaders columns) => new(
        Channel: new ChannelRef(reader.GetString(0), reader.GetString(1)),
        Active: reader.GetBoolean(2),
        TimeOfDay: TimeOnly.ParseExact(reader.GetString(3), StoredStates.TimeOfDayFormat, CultureInfo.InvariantCulture),
        TimeZone: reader.GetString(4),
        ChangedAt: columns.Instant(reader, 5),
        ChangedBy: StringOrNull(reader, 6));

    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }

    private static string? StringOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
