namespace PaperBot.Testing;

/// <summary>Finds the repository root and the project's <c>../shared</c> folder from wherever the tests run.</summary>
public static class SharedPaths
{
    public static string RepositoryRoot { get; } = FindUp("Bot.sln") ?? throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);

    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Digests => Path.Combine(Shared, "digests");

    public static string OriginalDigest => Path.Combine(Digests, "000_6c4aed9f0dc1f396.txt");

    public static string PlatformSpecs => Path.Combine(Shared, "platform-specs");

    private static string? FindUp(string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, marker)))
                return dir.FullName;
        }
        return null;
    }
}
