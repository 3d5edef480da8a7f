namespace PaperBot.Web.Preview;

/// <summary>
/// A message cut at its <c>```</c> fences, the way both clients read them: prose and code blocks in turn, a fence
/// without its closing one being plain text. Each piece says whether a fence stands just before or after it, since
/// both clients swallow the line break next to a fence.
/// </summary>
internal static class CodeFences
{
    private const string Fence = "```";

    public readonly record struct Piece(string Text, bool IsCode, bool AfterFence, bool BeforeFence);

    /// <param name="text">Text with <c>\n</c> line breaks.</param>
    public static IEnumerable<Piece> Split(string text)
    {
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf(Fence, at, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf(Fence, open + Fence.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                yield return new Piece(text[at..], IsCode: false, AfterFence: at > 0, BeforeFence: false);
                yield break;
            }
            yield return new Piece(text[at..open], IsCode: false, AfterFence: at > 0, BeforeFence: true);
            yield return new Piece(text[(open + Fence.Length)..close], IsCode: true, AfterFence: false, BeforeFence: false);
            at = close + Fence.Length;
        }
    }
}
