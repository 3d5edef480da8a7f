using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Core.Ingest;

namespace PaperBot.Ingest;

/// <summary>
/// What the last ingest passes found, for /healthz and the archive page: operators see broken digests, and a
/// missing digest folder, without reading logs. Files are named relative to the digest folder, never by a server path.
/// </summary>
public sealed class IngestStatus(IOptions<DigestsOptions> options)
{
    private readonly Lock _gate = new();
    private readonly string _folder = options.Value.FullPath;
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private DateTimeOffset? _folderMissingSince;
    private readonly TaskCompletionSource _initialPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised after a pass that stored at least one edition (new or revised).</summary>
    public event Action? EditionsStored;

    /// <summary>Completes when the first pass after start has been recorded.</summary>
    public Task InitialPassCompleted => _initialPass.Task;

    public DateTimeOffset? LastPassAt { get; private set; }

    public bool InitialPassDone { get; private set; }

    /// <summary>Each broken digest's name within the digest folder, and why it was not ingested.</summary>
    public IReadOnlyDictionary<string, string> Failures
    {
        get { lock (_gate) return new Dictionary<string, string>(_failures); }
    }

    /// <summary>True while the digest folder does not exist (it was deleted or never could be created).</summary>
    public bool FolderMissing
    {
        get { lock (_gate) return _folderMissingSince is not null; }
    }

    /// <summary>When the digest folder was first seen missing, while it is.</summary>
    public DateTimeOffset? FolderMissingSince
    {
        get { lock (_gate) return _folderMissingSince; }
    }

    /// <summary>When the folder watch last looked for the digest folder.</summary>
    public DateTimeOffset? LastFolderCheckAt { get; private set; }

    /// <param name="wholeFolder">The pass read the whole folder, so a failure of a file that is gone is forgotten.</param>
    public void Record(IngestReport report, DateTimeOffset at, bool initial, bool wholeFolder = false)
    {
        lock (_gate)
        {
            if (wholeFolder)
                _failures.Clear();
            foreach (var outcome in report.Outcomes)
            {
                var name = NameInFolder(outcome.Path);
                if (outcome is FileOutcome.Failed failed)
                    _failures[name] = failed.Problem.Message;
                else
                    _failures.Remove(name);
            }
            LastPassAt = at;
            InitialPassDone |= initial;
        }
        if (initial)
            _initialPass.TrySetResult();
        if (report.Stored > 0)
            EditionsStored?.Invoke();
    }

    /// <returns>True when the folder was not already known to be missing (so that it is logged once).</returns>
    public bool RecordFolderMissing(DateTimeOffset at)
    {
        lock (_gate)
        {
            LastFolderCheckAt = at;
            if (_folderMissingSince is not null)
                return false;
            _folderMissingSince = at;
            return true;
        }
    }

    /// <returns>True when the folder had been missing until now.</returns>
    public bool RecordFolderPresent(DateTimeOffset at)
    {
        lock (_gate)
        {
            LastFolderCheckAt = at;
            var wasMissing = _folderMissingSince is not null;
            _folderMissingSince = null;
            return wasMissing;
        }
    }

    private string NameInFolder(string path)
    {
        var relative = Path.GetRelativePath(_folder, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFileName(path) : relative;
    }
}
