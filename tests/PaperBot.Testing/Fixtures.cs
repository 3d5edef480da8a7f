namespace PaperBot.Testing;

/// <summary>The files the tests read, all inside the repository under <c>tests/fixtures/</c> (see its README).</summary>
public static class Fixtures
{
    public static string RepositoryRoot { get; } = FindUp("Bot.sln") ?? throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);

    /// <summary><c>tests/fixtures</c>.</summary>
    public static string Root { get; } = Path.Combine(RepositoryRoot, "tests", "fixtures");

    /// <summary>72 digests and <c>manifest.json</c>, what each must parse to.</summary>
    public static string Digests => Path.Combine(Root, "digests");

    /// <summary>The digest the product was specified from (2026-01-08, Korean, five papers).</summary>
    public static string OriginalDigest => Path.Combine(Digests, "000_6c4aed9f0dc1f396.txt");

    /// <summary>The platforms' specs and example payloads: <c>discord/</c> and <c>slack/</c>.</summary>
    public static string PlatformSpecs => Path.Combine(Root, "platform-specs");

    public static string DiscordSpecs => Path.Combine(PlatformSpecs, "discord");

    public static string DiscordExamples => Path.Combine(DiscordSpecs, "examples");

    public static string SlackSpecs => Path.Combine(PlatformSpecs, "slack");

    public static string SlackExamples => Path.Combine(SlackSpecs, "examples");

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
