namespace PaperBot.Core.Domain;

/// <summary>A paper together with the date of the edition it appeared in.</summary>
public sealed record PaperRef(DateOnly Date, Paper Paper);

/// <summary>A full-text search hit: the paper, where it appeared, and how well it matched (lower is better).</summary>
public sealed record SearchHit(DateOnly Date, Paper Paper, double Score);
