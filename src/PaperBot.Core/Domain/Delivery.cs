namespace PaperBot.Core.Domain;

/// <summary>
/// One message PaperBot posted: <see cref="Rank"/> 0 is the edition's header, 1..N a paper.
/// <see cref="ThreadId"/> is set once the paper's discussion thread exists and its first reply is in.
/// </summary>
public sealed record Delivery(
    string Platform,
    string Channel,
    DateOnly Date,
    int Rank,
    string MessageId,
    string? ThreadId,
    DateTimeOffset PostedAt)
{
    public const int HeaderRank = 0;

    public bool IsHeader => Rank == HeaderRank;
}
