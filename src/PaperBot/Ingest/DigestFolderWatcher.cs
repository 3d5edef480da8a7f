using PaperBot.Core.Ingest;

namespace PaperBot.Ingest;

/// <summary>Reports digest files created, changed or renamed into the folder.</summary>
internal static class DigestFolderWatcher
{
    /// <summary>Reported when the watcher lost events (buffer overflow): the whole folder must be scanned again.</summary>
    public const string RescanMarker = "\0rescan";

    public static FileSystemWatcher Start(string folder, Action<string> onChange, Action<Exception> onError)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
            InternalBufferSize = 64 * 1024,
        };
        void Report(string path)
        {
            if (DigestIngestor.IsDigestFile(path))
                onChange(path);
        }
        watcher.Created += (_, e) => Report(e.FullPath);
        watcher.Changed += (_, e) => Report(e.FullPath);
        watcher.Renamed += (_, e) => Report(e.FullPath);
        watcher.Error += (_, e) =>
        {
            onError(e.GetException());
            onChange(RescanMarker);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
