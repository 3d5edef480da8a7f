using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperBot.Digest;

/// <summary>Finds image links (<c>![alt](url)</c>) in a block, in document order, with their urls as written.</summary>
internal static class Images
{
    public static string? First(Block block)
    {
        string? first = null;
        Visit(block, url => { first ??= url; return false; });
        return first;
    }

    public static void AddAll(Block block, PaperDraft paper) => Visit(block, url => { paper.AddFigure(url); return true; });

    /// <returns>false once <paramref name="found"/> asked to stop.</returns>
    private static bool Visit(Block block, Func<string, bool> found)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                return Visit(inline, found);
            case ContainerBlock container:
                foreach (var child in container)
                {
                    if (!Visit(child, found))
                        return false;
                }
                return true;
            default:
                return true;
        }
    }

    private static bool Visit(ContainerInline container, Func<string, bool> found)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LinkInline { IsImage: true, Url: { Length: > 0 } url } && !found(url))
                return false;
            if (inline is ContainerInline nested && !Visit(nested, found))
                return false;
        }
        return true;
    }
}
