namespace PaperBot.Core.Results;

/// <summary>
/// The closed set of expected failures. <see cref="Message"/> is written for the person who asked:
/// it says what went wrong and, where there is one, what would work instead.
/// </summary>
public abstract record Problem(string Message);

/// <summary>A digest file that could not be read as an edition.</summary>
public sealed record InvalidDigest(string File, string Reason) : Problem($"{File}: {Reason}");

/// <summary>The archive holds no edition yet.</summary>
public sealed record EmptyArchive()
    : Problem("The archive has no editions yet. Once a digest is ingested, `today` will show it.");

public sealed record UnknownDate(DateOnly Date, IReadOnlyList<DateOnly> Nearby)
    : Problem(Describe(Date, Nearby))
{
    private static string Describe(DateOnly date, IReadOnlyList<DateOnly> nearby) =>
        nearby.Count == 0
            ? $"There is no edition for {date:yyyy-MM-dd}."
            : $"There is no edition for {date:yyyy-MM-dd}. Nearby: {string.Join(", ", nearby.Select(d => d.ToString("yyyy-MM-dd")))}.";
}

public sealed record RankOutOfRange(int Rank, DateOnly Date, int PaperCount)
    : Problem($"The {Date:yyyy-MM-dd} edition has papers ranked 1 to {PaperCount}; there is no paper {Rank}.");

public sealed record NoPaperMatches(string Query, DateOnly? Date)
    : Problem(Date is { } d
        ? $"No paper of {d:yyyy-MM-dd} matches \"{Query}\". Try its rank (1-5), its arXiv id, or other title words."
        : $"No paper matches \"{Query}\". Try a rank (1-5), an arXiv id such as 2601.02151, or other title words.");

public sealed record NoSearchHits(string Query)
    : Problem($"Nothing in the archive matches \"{Query}\". Try fewer or other words (Korean or English).");

/// <summary>Search text the archive will not look for (empty once cleaned, too long, too many words).</summary>
public sealed record BadSearch(string Reason)
    : Problem($"{Reason} Search for up to {Queries.SearchQuery.MaxWords} words ({Queries.SearchQuery.MaxLength} characters), such as \"diffusion transformer\" or \"강화 학습\".");

/// <summary>The request itself did not make sense; <see cref="Usage"/> says what would.</summary>
public sealed record BadCommand(string Reason, string Usage) : Problem($"{Reason}\n{Usage}");

/// <summary>A question about "this paper" asked outside any paper's thread, without naming one.</summary>
public sealed record PaperNotGiven(string Usage)
    : Problem($"Which paper? Name it by rank, arXiv id or title words, or ask inside a paper's thread.\n{Usage}");

/// <summary>A platform refused a delivery call in a way retrying will not change (unknown channel, missing access).</summary>
public sealed record PlatformRejected(string Platform, string Reason) : Problem($"{Platform} refused: {Reason}");

/// <summary>A platform call failed in a way that may pass (5xx, timeouts, rate limits beyond patience): try again later.</summary>
public sealed record PlatformUnavailable(string Platform, string Reason) : Problem($"{Platform} unavailable: {Reason}");

/// <summary>The person may not do this here; the message says who may.</summary>
public sealed record NotAllowed(string Reason) : Problem(Reason);
