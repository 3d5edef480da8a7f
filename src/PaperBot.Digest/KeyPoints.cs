using Markdig.Syntax;

namespace PaperBot.Digest;

/// <summary>The key points section: one point per bullet, with the bullet's inline markdown as written.</summary>
internal static class KeyPoints
{
    public static void Read(Block block, SourceText source, PaperDraft paper)
    {
        if (block is not ListBlock list)
        {
            paper.AddKeyPoint(source.BlockText(block));
            return;
        }
        foreach (var item in list)
        {
            if (item is ContainerBlock bullet)
                paper.AddKeyPoint(BulletText(bullet, source));
        }
    }

    /// <summary>A bullet wrapped over several lines is one point, its lines joined by a space.</summary>
    private static string BulletText(ContainerBlock bullet, SourceText source)
    {
        if (bullet.Count == 1 && bullet[0] is ParagraphBlock only)
            return source.InlineContent(only, " ");
        var parts = new List<string>(bullet.Count);
        foreach (var child in bullet)
            parts.Add(child is ParagraphBlock paragraph ? source.InlineContent(paragraph, " ") : source.Block(child));
        return string.Join("\n", parts);
    }
}
