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

    /// <summary>
    /// Writes the original digest again as the edition of <paramref name="date"/> (only its date heading changed), as the
    /// upstream pipeline writes each day's; <paramref name="revise"/> may change its text further. Returns the file's path.
    /// </summary>
    public string WriteDigestDated(DateOnly date, Func<string, string>? revise = null, string? fileName = null)
    {
        var text = File.ReadAllText(SharedPaths.OriginalDigest);
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        text = $"# {date:yyyy-MM-dd} Daily Papers (Top 5)" + text[firstLineEnd..];
        var path = Path.Combine(Digests, fileName ?? $"{date:yyyy-MM-dd}.md");
        File.WriteAllText(path, revise is null ? text : revise(text));
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
