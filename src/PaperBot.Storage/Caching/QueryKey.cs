namespace PaperBot.Storage.Caching;

internal enum QueryKind
{
    ArxivId,
    TitleWords,
    Search,
}

/// <summary>Identifies one query's answer in a snapshot; <see cref="Text"/> is normalised so equivalent queries share it.</summary>
internal readonly record struct QueryKey(QueryKind Kind, string Text, DateOnly? Date, int Limit);
