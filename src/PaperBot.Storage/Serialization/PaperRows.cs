using System.Data.Common;
using PaperBot.Core.Domain;

namespace PaperBot.Storage.Serialization;

/// <summary>Reading a paper back from a row, the same for every database: the columns in the order every paper query selects them.</summary>
internal static class PaperRows
{
    public static Paper Read(DbDataReader reader) => new(
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
}
