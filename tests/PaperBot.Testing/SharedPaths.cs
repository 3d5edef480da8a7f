namespace PaperBot.Testing;

/// <summary>
/// The repository root and the fixtures kept in it under <c>tests/fixtures/</c>, found from wherever the tests run.
/// The old name of <see cref="Fixtures"/>; kept so code written against it still compiles.
/// </summary>
public static class SharedPaths
{
    public static string RepositoryRoot => Fixtures.RepositoryRoot;

    /// <summary>The fixtures root, <c>tests/fixtures</c>.</summary>
    public static string Shared => Fixtures.Root;

    public static string Digests => Fixtures.Digests;

    public static string OriginalDigest => Fixtures.OriginalDigest;

    public static string PlatformSpecs => Fixtures.PlatformSpecs;
}
