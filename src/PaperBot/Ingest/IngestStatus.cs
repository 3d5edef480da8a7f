using PaperBot.Core.Ingest;

namespace PaperBot.Ingest;

/// <summary>What the last ingest passes found, for /healthz and the archive page: operators see broken digests without reading logs.</summary>
public sealed class IngestStatus
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _initialPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised after a pass that stored at least one edition (new or revised).</summary>
    public event Action? EditionsStored;

    /// <summary>Completes when the first pass after start has been recorded.</summary>
    public Task InitialPassCompleted => _initialPass.Task;

    public DateTimeOffset? LastPassAt { get; private set; }

    public bool InitialPassDone { get; private set; }

    public IReadOnlyDictionary<string, string> Failures
    {
        get { lock (_gate) return new Dictionary<string, string>(_failures); }
    }

    public void Record(IngestReport report, DateTimeOffset at, bool initial)
    {
        lock (_gate)
        {
            foreach (var outcome in report.Outcomes)
            {
                if (outcome is FileOutcome.Failed failed)
                    _failures[outcome.Path] = failed.Problem.Message;
                else
                    _failures.Remove(outcome.Path);
            }
            LastPassAt = at;
            InitialPassDone |= initial;
        }
        if (initial)
            _initialPass.TrySetResult();
        if (report.Stored > 0)
            EditionsStored?.Invoke();
    }
}
