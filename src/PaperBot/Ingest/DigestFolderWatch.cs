using PaperBot.Core.Files;

namespace PaperBot.Ingest;

/// <summary>
/// Keeps a watcher on the digest folder while the folder exists. A FileSystemWatcher stops silently, without an
/// error, when its folder is deleted or replaced by a new one, so <see cref="Check"/> is called on every tick:
/// it drops the watcher while the folder is missing and arms a new one when a folder (again) exists.
/// </summary>
internal sealed class DigestFolderWatch(string folder, Action<string> onChange, Action<Exception> onError) : IDisposable
{
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private FileIdentity? _watchedIdentity;

    public FolderState Check()
    {
        var facts = FileProbe.Probe(folder);
        lock (_gate)
        {
            if (facts.Kind != FileKind.Directory)
            {
                Drop();
                return FolderState.Missing;
            }
            if (_watcher is not null && facts.Identity == _watchedIdentity)
                return FolderState.Watched;
            Drop();
            try
            {
                _watcher = DigestFolderWatcher.Start(folder, onChange, onError);
            }
            catch (ArgumentException)
            {
                return FolderState.Missing; // gone between the look and the watch
            }
            _watchedIdentity = facts.Identity;
            return FolderState.Armed;
        }
    }

    public void Dispose()
    {
        lock (_gate)
            Drop();
    }

    private void Drop()
    {
        _watcher?.Dispose();
        _watcher = null;
        _watchedIdentity = null;
    }
}

internal enum FolderState
{
    /// <summary>The folder is there and was already watched.</summary>
    Watched,

    /// <summary>A watcher was (re-)armed just now: the folder is new to the watch, so it must be read whole.</summary>
    Armed,

    Missing,
}
