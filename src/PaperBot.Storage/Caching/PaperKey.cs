namespace PaperBot.Storage.Caching;

/// <summary>Where a query found a paper; the paper itself comes from the edition cache.</summary>
internal readonly record struct PaperKey(DateOnly Date, int Rank, double Score = 0);
