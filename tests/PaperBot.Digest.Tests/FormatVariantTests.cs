using System.Text;
using PaperBot.Testing;
using Xunit;
using static PaperBot.Digest.Tests.Parsing;

namespace PaperBot.Digest.Tests;

/// <summary>What real producers write besides the canonical format: each variant in its own test.</summary>
public sealed class FormatVariantTests
{
    private static string OriginalText => File.ReadAllText(SharedPaths.OriginalDigest);

    [Fact]
    public void Crlf_line_endings_parse_to_the_same_edition_as_lf()
    {
        var lf = OriginalText + DigestText("2026-01-08", Paper(6,
            summary: "### 📌 요약\nA paragraph\nover two lines.\n\nAnother paragraph.",
            keyPoints: "### 🔑 핵심 포인트\n- A bullet\n  that wraps.\n- Plain.",
            extra: "### Notes\n- kept\n- as written")).Split('\n', 2)[1];

        var fromLf = Edition(lf);
        var fromCrlf = Edition(lf.ReplaceLineEndings("\r\n"));

        Assert.Equivalent(fromLf, fromCrlf, strict: true);
        Assert.Equal(6, fromCrlf.Papers.Count);
        Assert.Equal("A paragraph\nover two lines.\n\nAnother paragraph.", fromCrlf.PaperAtRank(6)!.Summary);
        Assert.Equal("- kept\n- as written", fromCrlf.PaperAtRank(6)!.OtherSections[0].Text);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OriginalText)).ToArray();

        var edition = Edition(bytes);

        Assert.Equal(new DateOnly(2026, 1, 8), edition.Date);
        Assert.Equal(5, edition.Papers.Count);
    }

    [Fact]
    public void The_date_comes_from_the_heading_not_the_file_name()
    {
        var edition = Edition(DigestText("2024-02-29", Paper(1)), fileName: "2025-12-31.md");

        Assert.Equal(new DateOnly(2024, 2, 29), edition.Date);
    }

    [Fact]
    public void English_section_headings_are_recognised()
    {
        var edition = Edition("""
            # 2025-11-03 Daily Papers (Top 1)

            ## 1. [Sparse Attention](https://arxiv.org/abs/2511.01234v2)
            **Upvotes**: 7

            ![Thumbnail](images/sparse.jpg)

            ### Summary
            Short summary.

            ### Translated Abstract
            Long abstract.

            ### Key Points
            - One.
            - Two.
            ### Additional Materials
            ![Figure](images/sparse_fig_1.png)
            ![Figure](images/sparse_fig_2.png)
            """);

        var paper = Assert.Single(edition.Papers);
        Assert.Equal("2511.01234", paper.ArxivId);
        Assert.Equal("Short summary.", paper.Summary);
        Assert.Equal("Long abstract.", paper.Abstract);
        Assert.Equal(["One.", "Two."], paper.KeyPoints);
        Assert.Equal(["images/sparse_fig_1.png", "images/sparse_fig_2.png"], paper.Figures);
        Assert.Empty(paper.OtherSections);
    }

    [Fact]
    public void Sections_are_recognised_by_emoji_or_by_name_alone()
    {
        var edition = Edition(DigestText("2025-11-03", Paper(1,
            summary: "### 📌 TL;DR\nBy emoji.",
            abstractSection: "### Abstract\nBy English name.",
            keyPoints: "### 핵심 포인트\n- By Korean name.")));

        var paper = edition.Papers[0];
        Assert.Equal("By emoji.", paper.Summary);
        Assert.Equal("By English name.", paper.Abstract);
        Assert.Equal(["By Korean name."], paper.KeyPoints);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    public void An_edition_has_as_many_papers_as_the_digest_ranks(int count)
    {
        var papers = Enumerable.Range(1, count).Select(rank => Paper(rank, title: $"Paper {rank}", url: $"https://huggingface.co/papers/2601.{rank:00000}")).ToArray();

        var edition = Edition(DigestText("2026-01-09", papers));

        Assert.Equal(Enumerable.Range(1, count), edition.Papers.Select(p => p.Rank));
        Assert.Equal($"Paper {count}", edition.PaperAtRank(count)!.Title);
        Assert.Equal($"2601.{count:00000}", edition.PaperAtRank(count)!.ArxivId);
    }

    [Fact]
    public void Ranks_come_from_the_heading_numbers()
    {
        var edition = Edition(DigestText("2026-01-09", Paper(4, title: "Fourth"), Paper(7, title: "Seventh")));

        Assert.Equal([4, 7], edition.Papers.Select(p => p.Rank));
    }

    [Fact]
    public void A_missing_section_is_empty()
    {
        var edition = Edition(DigestText("2026-01-09", Paper(1, summary: null, keyPoints: null)));

        var paper = edition.Papers[0];
        Assert.Equal("", paper.Summary);
        Assert.Empty(paper.KeyPoints);
        Assert.Empty(paper.Figures);
        Assert.Equal("The abstract.", paper.Abstract);
    }

    [Fact]
    public void A_missing_upvotes_line_leaves_upvotes_unknown()
    {
        var edition = Edition(DigestText("2026-01-09", Paper(1, upvotes: null), Paper(2, upvotes: "**Upvotes**: 1,204")));

        Assert.Null(edition.Papers[0].Upvotes);
        Assert.Equal("images/a_paper_img.jpg", edition.Papers[0].Thumbnail);
        Assert.Equal(1204, edition.Papers[1].Upvotes);
    }

    [Fact]
    public void A_section_right_after_a_list_without_a_blank_line_still_starts_a_section()
    {
        var edition = Edition("""
            # 2026-01-09 Daily Papers (Top 1)

            ## 1. [Tight](https://huggingface.co/papers/2601.00002)
            ### 🔑 핵심 포인트
            - Point one.
            - Point two.
            ### 📌 요약
            Summary after the list.
            ### 🖼️ 추가 자료
            ![Figure](images/tight_fig_1.png)
            """);

        var paper = edition.Papers[0];
        Assert.Equal(["Point one.", "Point two."], paper.KeyPoints);
        Assert.Equal("Summary after the list.", paper.Summary);
        Assert.Equal(["images/tight_fig_1.png"], paper.Figures);
    }

    [Theory]
    [InlineData("Benchmark^2: Systematic Evaluation of LLM Benchmarks")]
    [InlineData("Atlas: Orchestrating Models [and Tools] for Reasoning")]
    [InlineData("**Bold** Claims about `torch.compile` Speed")]
    [InlineData("*Emphasis*, Colons: and ^Carets^ [x]")]
    public void Odd_titles_are_kept_verbatim(string title)
    {
        var edition = Edition(DigestText("2026-01-09", Paper(1, title: title)));

        Assert.Equal(title, edition.Papers[0].Title);
        Assert.Equal("https://huggingface.co/papers/2601.00001", edition.Papers[0].Url);
    }

    [Fact]
    public void Inline_markdown_in_key_points_is_kept_verbatim_and_wrapped_bullets_are_one_point()
    {
        var edition = Edition(DigestText("2026-01-09", Paper(1, keyPoints: """
            ### 🔑 핵심 포인트
            - Uses **entropy gating** with `top_k=5` (see [code](https://github.com/x/y)).
            - A bullet that wraps
              over two lines.
            * _Another_ marker style.
            """)));

        Assert.Equal(
            [
                "Uses **entropy gating** with `top_k=5` (see [code](https://github.com/x/y)).",
                "A bullet that wraps over two lines.",
                "_Another_ marker style.",
            ],
            edition.Papers[0].KeyPoints);
    }

    [Fact]
    public void Inline_markdown_and_paragraphs_of_a_section_are_kept()
    {
        var edition = Edition(DigestText("2026-01-09", Paper(1, summary: """
            ### 📌 요약
            First paragraph with **bold** and `code`.

            Second paragraph.
            """)));

        Assert.Equal("First paragraph with **bold** and `code`.\n\nSecond paragraph.", edition.Papers[0].Summary);
    }

    [Fact]
    public void An_unknown_section_is_kept_by_name_and_text()
    {
        var edition = Edition(DigestText("2026-01-09", Paper(1, extra: """
            ### 💡 Why it matters
            Because **it** does.

            - and a list
            """)));

        var section = Assert.Single(edition.Papers[0].OtherSections);
        Assert.Equal("💡 Why it matters", section.Name);
        Assert.Equal("Because **it** does.\n\n- and a list", section.Text);
        Assert.Equal(["First point.", "Second point."], edition.Papers[0].KeyPoints);
    }

    [Fact]
    public void An_arxiv_pdf_link_gives_the_arxiv_id()
    {
        var edition = Edition(DigestText("2026-01-09", Paper(1, url: "https://arxiv.org/pdf/2601.04151v3")));

        Assert.Equal("2601.04151", edition.Papers[0].ArxivId);
        Assert.Equal("https://arxiv.org/pdf/2601.04151v3", edition.Papers[0].Url);
    }

    [Fact]
    public void A_separator_written_right_under_text_still_separates_papers()
    {
        var edition = Edition("""
            # 2026-01-09 Daily Papers (Top 2)

            ## 1. [One](https://huggingface.co/papers/2601.00001)
            ### 📌 요약
            Summary one.
            ---
            ## 2. [Two](https://huggingface.co/papers/2601.00002)
            ### 📌 요약
            Summary two.
            """);

        Assert.Equal(["Summary one.", "Summary two."], edition.Papers.Select(p => p.Summary));
    }

    [Fact]
    public void Upvotes_and_thumbnail_on_consecutive_lines_are_both_read()
    {
        var edition = Edition(DigestText("2026-01-09", Paper(1,
            upvotes: "**Upvotes**: 63\n![Thumbnail](images/tight_img.jpg)", thumbnail: null)));

        Assert.Equal(63, edition.Papers[0].Upvotes);
        Assert.Equal("images/tight_img.jpg", edition.Papers[0].Thumbnail);
    }

    [Fact]
    public void A_paper_heading_without_a_link_keeps_its_rank_and_title()
    {
        var edition = Edition("# 2026-01-09 Daily Papers (Top 1)\n\n## 2. Unlinked: A Paper\n### Summary\nStill here.\n");

        var paper = Assert.Single(edition.Papers);
        Assert.Equal((2, "Unlinked: A Paper", "", (string?)null), (paper.Rank, paper.Title, paper.Url, paper.ArxivId));
        Assert.Equal("Still here.", paper.Summary);
    }
}
