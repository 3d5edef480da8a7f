using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Core.Queries;

/// <summary>
/// Answers <c>/papers</c> from the archive, platform-neutral. Every expected failure comes back as a
/// <see cref="Problem"/> that tells the person what would work.
/// </summary>
public sealed class PapersService(IEditionArchive archive)
{
    public const int MaxSearchHits = 10;
    public const int MaxSuggestions = 25;

    /// <param name="threadPaper">The paper whose thread the command was asked in, if any.</param>
    public async Task<Result<PapersAnswer>> AnswerAsync(PapersCommand command, PaperRef? threadPaper, CancellationToken cancellationToken = default)
    {
        switch (command)
        {
            case PapersCommand.Today today:
                var latest = await archive.GetLatestAsync(cancellationToken);
                return latest is null ? new EmptyArchive() : new PapersAnswer.EditionListing(latest, today.Public);
            case PapersCommand.Day day:
                var edition = await GetEditionAsync(day.Date, cancellationToken);
                return edition.IsSuccess ? new PapersAnswer.EditionListing(edition.Value, day.Public) : edition.Problem;
            case PapersCommand.Points points:
                var forPoints = await ResolveOrThreadAsync(points.Paper, points.Date, threadPaper, cancellationToken);
                return forPoints.IsSuccess ? new PapersAnswer.KeyPoints(forPoints.Value) : forPoints.Problem;
            case PapersCommand.Abstract @abstract:
                var forAbstract = await ResolveOrThreadAsync(@abstract.Paper, @abstract.Date, threadPaper, cancellationToken);
                return forAbstract.IsSuccess ? new PapersAnswer.AbstractText(forAbstract.Value) : forAbstract.Problem;
            case PapersCommand.Search search:
                if (!SearchQuery.Parse(search.Query).TryGetValue(out var query, out var badSearch))
                    return badSearch;
                var hits = await archive.SearchAsync(query.Text, MaxSearchHits, cancellationToken);
                return hits.Count == 0 ? new NoSearchHits(query.Text) : new PapersAnswer.SearchResults(query.Text, hits);
            case PapersCommand.Help:
                return new PapersAnswer.Help(PapersUsage.Full);
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown command kind.");
        }
    }

    public async Task<Result<Edition>> GetEditionAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var edition = await archive.GetEditionAsync(date, cancellationToken);
        if (edition is not null)
            return edition;
        var dates = await archive.ListDatesAsync(cancellationToken);
        return dates.Count == 0 ? new EmptyArchive() : new UnknownDate(date, EditionDates.Nearest(dates, date, 3));
    }

    /// <summary>Finds the paper a person named: a rank within the edition of <paramref name="date"/> (else the latest), an arXiv id, or title words.</summary>
    public async Task<Result<PaperRef>> ResolvePaperAsync(string paper, DateOnly? date, CancellationToken cancellationToken = default)
    {
        switch (PaperReference.Parse(paper))
        {
            case PaperReference.ByRank byRank:
                var edition = date is { } d ? await GetEditionAsync(d, cancellationToken) : await LatestAsync(cancellationToken);
                if (!edition.IsSuccess)
                    return edition.Problem;
                var ranked = edition.Value.PaperAtRank(byRank.Rank);
                return ranked is null
                    ? new RankOutOfRange(byRank.Rank, edition.Value.Date, edition.Value.Papers.Count)
                    : new PaperRef(edition.Value.Date, ranked);
            case PaperReference.ByArxivId byId:
                var appearances = await archive.FindByArxivIdAsync(byId.ArxivId, cancellationToken);
                var match = appearances.FirstOrDefault(a => date is null || a.Date == date);
                return match is null ? new NoPaperMatches(paper.Trim(), date) : match;
            case PaperReference.ByTitleWords byTitle:
                if (date is { } day)
                {
                    var exists = await GetEditionAsync(day, cancellationToken);
                    if (!exists.IsSuccess)
                        return exists.Problem;
                }
                var found = await archive.FindByTitleAsync(byTitle.Words, date, 1, cancellationToken);
                return found.Count == 0 ? new NoPaperMatches(byTitle.Words, date) : found[0];
            default:
                throw new InvalidOperationException("Unknown paper reference kind.");
        }
    }

    /// <summary>Autocomplete for a paper: the titles of the given (else the latest) edition that contain what was typed.</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestPapersAsync(string typed, DateOnly? date, CancellationToken cancellationToken = default)
    {
        var edition = date is { } d ? await archive.GetEditionAsync(d, cancellationToken) : await archive.GetLatestAsync(cancellationToken);
        var text = typed.Trim();
        var fromEdition = edition?.Papers
            .Where(p => text.Length == 0 || p.Rank.ToString() == text || p.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || p.ArxivId == text)
            .Select(p => new Suggestion($"{p.Rank}. {p.Title}", p.Rank.ToString()))
            .ToList() ?? [];
        if (fromEdition.Count > 0 || text.Length < 3)
            return fromEdition.Take(MaxSuggestions).ToList();
        var fromArchive = await archive.FindByTitleAsync(text, null, MaxSuggestions, cancellationToken);
        return fromArchive
            .Select(r => new Suggestion($"{EditionDates.ToText(r.Date)} #{r.Paper.Rank}. {r.Paper.Title}", r.Paper.ArxivId ?? r.Paper.Title))
            .Take(MaxSuggestions)
            .ToList();
    }

    /// <summary>Autocomplete for a date: archive dates that start with what was typed, newest first.</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestDatesAsync(string typed, CancellationToken cancellationToken = default)
    {
        var dates = await archive.ListDatesAsync(cancellationToken);
        var text = typed.Trim();
        return dates
            .Select(EditionDates.ToText)
            .Where(d => d.StartsWith(text, StringComparison.Ordinal))
            .Take(MaxSuggestions)
            .Select(d => new Suggestion(d, d))
            .ToList();
    }

    private async Task<Result<Edition>> LatestAsync(CancellationToken cancellationToken)
    {
        var latest = await archive.GetLatestAsync(cancellationToken);
        return latest is null ? new EmptyArchive() : latest;
    }

    private async Task<Result<PaperRef>> ResolveOrThreadAsync(string? paper, DateOnly? date, PaperRef? threadPaper, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(paper))
            return await ResolvePaperAsync(paper, date, cancellationToken);
        if (threadPaper is not null)
            return threadPaper;
        return new PaperNotGiven(PapersUsage.Short);
    }
}

/// <summary>One autocomplete choice: what the person sees, and the value the command then receives.</summary>
public sealed record Suggestion(string Label, string Value);
