using PaperBot.Testing;

namespace PaperBot.Tests.EndToEnd;

/// <summary>A test class's own digest folder (copies of shared digests, the original one included) and SQLite database.</summary>
internal sealed class BotWorkspace : IDisposable
{
    private readonly TempFolder _folder = new();

    public BotWorkspace()
    {
        Digests = _folder.CreateFolder("digests");
        Database = _folder.Combine("data", "archive.db");
        File.Copy(SharedPaths.OriginalDigest, Path.Combine(Digests, Path.GetFileName(SharedPaths.OriginalDigest)));
        File.Copy(Path.Combine(SharedPaths.Digests, "2026-01-06.md"), Path.Combine(Digests, "2026-01-06.md"));
    }

    public string Root => _folder.Path;

    public string Digests { get; }

    public string Database { get; }

    public void Dispose() => _folder.Dispose();
}
