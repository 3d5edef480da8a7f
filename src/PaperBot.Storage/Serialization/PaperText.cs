using PaperBot.Core.Domain;

namespace PaperBot.Storage.Serialization;

/// <summary>The searchable text of a paper, as the full-text indexes see it.</summary>
internal static class PaperText
{
    public static string KeyPoints(Paper paper) => string.Join('\n', paper.KeyPoints);

    public static string All(Paper paper) =>
        string.Join('\n', paper.Title, paper.Summary, paper.Abstract, KeyPoints(paper));
}
