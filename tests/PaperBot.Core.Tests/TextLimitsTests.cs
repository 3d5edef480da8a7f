using PaperBot.Core.Text;

namespace PaperBot.Core.Tests;

public sealed class TextLimitsTests
{
    [Fact]
    public void Text_that_fits_is_unchanged() => Assert.Equal("short text", TextLimits.Truncate("short text", 10));

    [Fact]
    public void Long_text_is_cut_at_a_word_boundary_with_an_ellipsis()
    {
        var cut = TextLimits.Truncate("the quick brown fox jumps over the lazy dog", 20);

        Assert.Equal("the quick brown fox…", cut);
        Assert.True(cut.Length <= 20);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 50));

        var cut = TextLimits.Truncate(text, 11);

        Assert.True(cut.Length <= 11);
        Assert.False(char.IsHighSurrogate(cut[^2]) && !char.IsLowSurrogate(cut[^1]));
        Assert.All(cut[..^1].Chunk(2), pair => Assert.True(char.IsSurrogatePair(pair[0], pair[1])));
    }

    [Fact]
    public void Split_keeps_every_word_and_respects_the_limit()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"문단 {i}. " + string.Concat(Enumerable.Repeat("단어 word ", 40))));

        var pieces = TextLimits.Split(text, 500);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 500));
        Assert.Equal(TextLimits.Collapse(text), TextLimits.Collapse(string.Join(" ", pieces)));
    }
}
