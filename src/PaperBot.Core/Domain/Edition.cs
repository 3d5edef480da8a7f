namespace PaperBot.Core.Domain;

/// <summary>One day's digest: the papers of that date, in rank order.</summary>
public sealed record Edition(DateOnly Date, IReadOnlyList<Paper> Papers)
{
    public Paper? PaperAtRank(int rank) => Papers.FirstOrDefault(p => p.Rank == rank);
}
