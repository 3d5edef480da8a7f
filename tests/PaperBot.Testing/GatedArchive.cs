using PaperBot.Core.Domain;
using PaperBot.Core.Ports;

namespace PaperBot.Testing;

/// <summary>
/// An archive whose reads of editions wait until the test opens the gate: a database too slow for the
/// platform's answer window, without the test depending on how fast the machine is.
/// </summary>
public sealed class GatedArchive(IEditionArchive inner) : IEditionArchive
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen => _gate.Task.IsCompleted;

    public void Open() => _gate.TrySetResult();

    public async Task<Edition?> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        return await inner.GetLatestAsync(cancellationToken);
    }

    public async Task<Edition?> GetEditionAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        return await inner.GetEditionAsync(date, cancellationToken);
    }

    public Task<IReadOnlyList<DateOnly>> ListDatesAsync(CancellationToken cancellationToken = default) => inner.ListDatesAsync(cancellationToken);

    public Task<IReadOnlyList<PaperRef>> FindByArxivIdAsync(string arxivId, CancellationToken cancellationToken = default) => inner.FindByArxivIdAsync(arxivId, cancellationToken);

    public Task<IReadOnlyList<PaperRef>> FindByTitleAsync(string words, DateOnly? date, int limit, CancellationToken cancellationToken = default) =>
        inner.FindByTitleAsync(words, date, limit, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default) => inner.SearchAsync(query, limit, cancellationToken);
}
