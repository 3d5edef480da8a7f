using PaperBot.Core.Domain;

namespace PaperBot.Core.Ports;

/// <summary>Read side of the archive: every query the commands and the archive page need.</summary>
public interface IEditionArchive
{
    Task<Edition?> GetLatestAsync(CancellationToken cancellationToken = default);

    Task<Edition?> GetEditionAsync(DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>Every edition date, newest first.</summary>
    Task<IReadOnlyList<DateOnly>> ListDatesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every appearance of the paper, newest first (a paper can top more than one day).</summary>
    Task<IReadOnlyList<PaperRef>> FindByArxivIdAsync(string arxivId, CancellationToken cancellationToken = default);

    /// <summary>Papers whose title contains every one of the words (case-insensitive), newest first; within one date when given.</summary>
    Task<IReadOnlyList<PaperRef>> FindByTitleAsync(string words, DateOnly? date, int limit, CancellationToken cancellationToken = default);

    /// <summary>Full-text search over titles, summaries, abstracts and key points; best first, newest first on ties.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);
}
