using System.Data.Common;
using PaperBot.Core.Domain;
using PaperBot.Storage.Caching;

namespace PaperBot.Storage.Serialization;

/// <summary>How a database hands back dates and instants: natively (PostgreSQL) or as ISO text (SQLite).</summary>
internal sealed record ColumnReaders(Func<DbDataReader, int, DateOnly> Date, Func<DbDataReader, int, DateTimeOffset> Instant)
{
    public static readonly ColumnReaders Native = new((reader, i) => reader.GetFieldValue<DateOnly>(i), (reader, i) => reader.GetFieldValue<DateTimeOffset>(i));
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
}
