using System.Globalization;
using System.Data.Common;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Sqlite;

/// <summary>How dates and times are written as text: ISO formats, so they sort as text sorts.</summary>
internal static class SqliteValues
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Date(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>How SQLite's text dates and instants are read back.</summary>
    public static readonly ColumnReaders Columns = new(Date, Instant);

    public static object OrNull(string? value) => value is null ? DBNull.Value : value;

    public static object OrNull(int? value) => value is null ? DBNull.Value : value.Value;
}
