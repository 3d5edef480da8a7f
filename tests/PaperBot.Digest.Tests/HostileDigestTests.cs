using System.Text;
using static PaperBot.Digest.Tests.Parsing;

namespace PaperBot.Digest.Tests;

/// <summary>Text built to break a markdown parser is that file's failure, with a reason, never an exception.</summary>
public sealed class HostileDigestTests
{
    public static TheoryData<string, string> TooDeep => new()
    {
        { "quotes", new string('>', 200) + " deep\n" },
        { "list", string.Concat(Enumerable.Range(0, 1000).Select(level => new string(' ', level * 2) + "- x\n")) },
        { "brackets", new string('[', 50_000) + "\n" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Markdown_nested_too_deeply_is_refused_with_a_reason(string name, string body)
    {
        var problem = Failure(DigestText("2026-01-08", Paper(1, summary: "### 📌 요약\n" + body)), $"{name}.md");

        Assert.Equal($"{name}.md", problem.File);
        Assert.Contains("levels deep", problem.Reason);
    }

    [Fact]
    public void Nesting_a_real_digest_could_have_still_parses()
    {
        var quoted = "### 📌 요약\n" + new string('>', 10) + " a quote in a quote\n\n- a\n  - b\n    - c\n      - d\n";

        var edition = Edition(DigestText("2026-01-08", Paper(1, summary: quoted)));

        Assert.Single(edition.Papers);
    }

    [Fact]
    public void A_nul_character_becomes_the_replacement_character()
    {
        var edition = Edition(Encoding.UTF8.GetBytes(DigestText("2026-01-08", Paper(1, title: "Zero\0Day", summary: "### 📌 요약\nA\0B"))));

        Assert.Equal("Zero\uFFFDDay", edition.Papers[0].Title);
        Assert.Equal("A\uFFFDB", edition.Papers[0].Summary);
    }
}
