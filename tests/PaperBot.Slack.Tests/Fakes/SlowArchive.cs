using PaperBot.Core.Domain;
using PaperBot.Core.Ports;

namespace PaperBot.Slack.Tests.Fakes;

/// <summary>An archive whose "latest edition" takes longer than Slack waits for a slash command's answer.</summary>
public sealed class SlowArchive(IEditionArchive inner, TimeSpan delay) : IEditionArchive
{
    public async Task<Edition?> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        await Task.Delay(delay, cancellationToken);
        return await inner.GetLatestAsync(cancellationToken);
    }

    public Task<Edition?> GetEditionAsync(DateOnly date, CancellationToken cancellationToken = default) => inner.GetEditionAsync(date, cancellationToken);

    public Task<IReadOnlyList<DateOnly>> ListDatesAsync(CancellationToken cancellationToken = default) => inner.ListDatesAsync(cancellationToken);

    public Task<IReadOnlyList<PaperRef>> FindByArxivIdAsync(string arxivId, CancellationToken cancellationToken = default) => inner.FindByArxivIdAsync(arxivId, cancellationToken);

    public Task<IReadOnlyList<PaperRef>> FindByTitleAsync(string words, DateOnly? date, int limit, CancellationToken cancellationToken = default) =>
        inner.FindByTitleAsync(words, date, limit, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default) => inner.SearchAsync(query, limit, cancellationToken);
}
