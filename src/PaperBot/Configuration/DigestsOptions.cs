using PaperBot.Core.Files;

namespace PaperBot.Configuration;

/// <summary>Where the digests come from. Section <c>Digests</c>.</summary>
public sealed class DigestsOptions
{
    public const string Section = "Digests";

    /// <summary>The folder the upstream pipeline writes digests into; relative paths are from the working directory.</summary>
    public string Path { get; set; } = "samples/digests";

    /// <summary>Where the digests' relative image paths are published, if anywhere (else Hugging Face's thumbnails are used).</summary>
    public string? ImageBaseUrl { get; set; }

    /// <summary>How long the watcher waits for a burst of file changes to settle before ingesting.</summary>
    public int DebounceMilliseconds { get; set; } = 750;

    /// <summary>The largest digest file that is read; a larger one is refused with a reason, unread. Real digests are about 20 KB.</summary>
    public long MaxFileBytes { get; set; } = BoundedFile.DefaultMaxBytes;

    public string FullPath => System.IO.Path.GetFullPath(Path);
}
