namespace PaperBot.Core.Rendering;

/// <summary>
/// What one paper may post in its thread, on every platform: however long the digest's text, at most
/// <see cref="MaxRepliesPerPaper"/> replies; the rest is replaced by a line saying where to read it (see
/// <see cref="ArchiveLinks.ContinuationOf"/>).
/// </summary>
public static class ThreadLimits
{
    public const int MaxRepliesPerPaper = 5;

    /// <summary>
    /// <paramref name="replies"/> as they are when at most <paramref name="maxReplies"/>; else the first
    /// <paramref name="maxReplies"/>, the last of them passed through <paramref name="endWithContinuation"/>.
    /// </summary>
    public static IReadOnlyList<T> Bound<T>(IReadOnlyList<T> replies, Func<T, T> endWithContinuation, int maxReplies = MaxRepliesPerPaper)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReplies, 1);
        if (replies.Count <= maxReplies)
            return replies;
        var kept = new T[maxReplies];
        for (var i = 0; i < maxReplies; i++)
            kept[i] = replies[i];
        kept[^1] = endWithContinuation(kept[^1]);
        return kept;
    }
}
