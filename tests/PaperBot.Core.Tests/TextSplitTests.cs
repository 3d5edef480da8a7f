using System.Text;
using PaperBot.Core.Text;
using PaperBot.Testing;

namespace PaperBot.Core.Tests;

/// <summary>
/// <see cref="TextLimits.Split"/> cuts exactly where it always did, and its work is linear: it copies only the pieces.
/// How fast it is belongs to bench/ (TextSplitBenchmarks), not to a timed test.
/// </summary>
public sealed class TextSplitTests
{
    [Fact]
    public void Random_texts_are_cut_exactly_where_the_earlier_quadratic_split_cut_them()
    {
        var random = new Random(20260108);
        string[] alphabet = ["a", "b", "word", " ", "  ", "\n", "\n\n", ". ", "。", "다. ", "? ", "! ", "가", "😀", "👩‍💻", "e\u0301", "\t", "\u00a0", "\ud83d"];
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 300); n > 0; n--)
                text.Append(alphabet[random.Next(alphabet.Length)]);
            var maxLength = random.Next(2, 60);

            Assert.Equal(EarlierSplit(text.ToString(), maxLength), TextLimits.Split(text.ToString(), maxLength));
        }
    }

    [Fact]
    public void Ten_megabytes_split_into_pieces_within_the_limit_that_keep_every_word_and_every_surrogate_pair()
    {
        var text = LongText.Abstract(10_000_000);

        var pieces = TextLimits.Split(text, 2000);

        Assert.All(pieces, piece =>
        {
            Assert.InRange(piece.Length, 1, 2000);
            Assert.False(char.IsLowSurrogate(piece[0]), "a piece starts inside a surrogate pair");
            Assert.False(char.IsHighSurrogate(piece[^1]), "a piece ends inside a surrogate pair");
        });
        Assert.Equal(TextLimits.Collapse(text), TextLimits.Collapse(string.Join(" ", pieces)));
    }

    [Fact]
    public void Splitting_copies_only_the_pieces_so_its_work_grows_linearly_with_the_text()
    {
        var text = LongText.Abstract(2_000_000);
        TextLimits.Split(LongText.Abstract(10_000), 2000); // JIT and statics out of the way

        var before = GC.GetAllocatedBytesForCurrentThread();
        var pieces = TextLimits.Split(text, 2000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The pieces hold the text once (two bytes a character); copying what is left after each cut, as Split once
        // did, allocates about (length / 2000) / 2 times the text: here 500 times.
        Assert.True(pieces.Count > 1000);
        Assert.True(allocated < 3L * sizeof(char) * text.Length, $"{allocated:N0} bytes allocated to split {text.Length:N0} characters");
    }

    [Fact]
    public void A_limit_of_one_code_unit_still_ends_and_keeps_surrogate_pairs_whole()
    {
        var pieces = TextLimits.Split("a😀b", 1);

        Assert.Equal(["a", "😀", "b"], pieces);
    }

    /// <summary>Split as it was before it became linear (it copied the rest of the text for every piece): the reference for where cuts go.</summary>
    private static List<string> EarlierSplit(string text, int maxLength)
    {
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            var cut = EarlierBestSplit(rest, maxLength);
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
                pieces.Add(piece);
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0)
            pieces.Add(rest);
        return pieces;
    }

    private static int EarlierBestSplit(string text, int maxLength)
    {
        var window = text.AsSpan(0, maxLength + 1);
        foreach (var separator in new[] { "\n\n", "\n", ". ", "。", "다. ", "? ", "! " })
        {
            var at = window.LastIndexOf(separator.AsSpan());
            if (at > maxLength / 2)
                return Math.Min(at + separator.Length, maxLength);
        }
        for (var i = maxLength; i > maxLength / 2; i--)
        {
            if (char.IsWhiteSpace(text[i]))
                return i;
        }
        var safe = maxLength;
        if (safe > 0 && char.IsHighSurrogate(text[safe - 1]))
            safe--;
        return safe;
    }
}
