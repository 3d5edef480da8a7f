using PaperBot.Core.Domain;
using PaperBot.Digest;
using PaperBot.Testing;

namespace PaperBot.Tests.EndToEnd;

/// <summary>The original shared digest (2026-01-08), parsed here: what the bot's answers must say.</summary>
internal static class RealDigest
{
    public const string LatestDate = "2026-01-08";

    private static readonly Lazy<Edition> Parsed = new(() =>
        new MarkdigDigestParser().Parse(Path.GetFileName(SharedPaths.OriginalDigest), File.ReadAllBytes(SharedPaths.OriginalDigest)).Value);

    public static Edition Latest => Parsed.Value;

    public static Paper Paper(int rank) => Latest.Papers.Single(p => p.Rank == rank);
}
