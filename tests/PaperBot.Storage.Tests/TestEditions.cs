using PaperBot.Core.Domain;

namespace PaperBot.Storage.Tests;

/// <summary>Editions built in code, in the digests' own mix of English titles and Korean text.</summary>
internal static class TestEditions
{
    public static readonly DateOnly Day1 = new(2026, 1, 5);
    public static readonly DateOnly Day2 = new(2026, 1, 6);
    public static readonly DateOnly Day3 = new(2026, 1, 7);
    public static readonly DateOnly Day4 = new(2026, 1, 8);

    public static Paper Paper(
        int rank,
        string title,
        string summary = "",
        string @abstract = "",
        string[]? keyPoints = null,
        string? arxivId = null,
        int? upvotes = null,
        string[]? figures = null,
        ExtraSection[]? otherSections = null) =>
        new(rank, title, arxivId is null ? $"https://example.org/papers/{rank}" : $"https://huggingface.co/papers/{arxivId}",
            arxivId, upvotes, arxivId is null ? null : $"images/{arxivId}.jpg", summary, @abstract,
            keyPoints ?? [], figures ?? [], otherSections ?? []);

    public static DigestSource Source(string path, string hash = "hash-1") =>
        new(path, hash, new DateTimeOffset(2026, 1, 8, 9, 30, 0, TimeSpan.FromHours(9)));

    /// <summary>A full edition: every field set, Korean sections, inline markdown kept.</summary>
    public static Edition Korean(DateOnly date) => new(date,
    [
        Paper(1, "Entropy-Adaptive Fine-Tuning: Resolving Confident Conflicts",
            summary: "SFT의 치명적 망각 문제를 해결하기 위해 **엔트로피 적응형 미세 조정**(EAFT)을 제안한다.",
            @abstract: "지도 학습 기반 미세 조정(SFT)은 도메인 적응을 위한 표준 패러다임이지만, 치명적인 망각을 유발합니다. 우리는 모델의 내부 신념을 조사했습니다.",
            keyPoints: ["SFT가 치명적 망각을 유발하는 이유를 `분포 격차`로 설명한다.", "EAFT는 4B~32B 모델에서 일반 능력을 보존한다."],
            arxivId: "2601.02151", upvotes: 63,
            figures: ["images/eaft_fig1.png", "images/eaft_fig2.png"],
            otherSections: [new ExtraSection("💬 토론", "망각은 *언제* 일어나는가?")]),
        Paper(2, "한국어 LLM 평가 벤치마크",
            summary: "한국어 언어 모델을 평가하는 새로운 벤치마크를 소개한다.",
            @abstract: "대규모 언어 모델의 한국어 능력을 측정하기 위한 평가 세트를 공개합니다.",
            keyPoints: ["문화적 맥락을 묻는 문항을 포함한다."],
            arxivId: "2601.03333", upvotes: null),
    ]);

    public static Edition English(DateOnly date, params Paper[] papers) => new(date, papers);
}
