using PaperBot.Core.Domain;

namespace PaperBot.Testing;

/// <summary>
/// Editions built in code for platform tests: Korean text like the real digests, inline markdown,
/// a very long abstract, and text that tries to mention everyone.
/// </summary>
public static class SampleEditions
{
    public static readonly DateOnly LatestDate = new(2026, 1, 8);
    public static readonly DateOnly EarlierDate = new(2026, 1, 7);

    public static Edition Latest { get; } = new(LatestDate,
    [
        Paper(1, "Entropy-Adaptive Fine-Tuning: Resolving Confident Conflicts to Mitigate Forgetting", "2601.02151", 63,
            "SFT의 치명적 망각 문제를 해결하기 위해, 본 연구는 **엔트로피 적응형 미세 조정(EAFT)**을 제안한다.",
            "지도 학습 기반 미세 조정(SFT)은 도메인 적응을 위한 표준 패러다임이지만, 빈번하게 치명적인 망각이라는 대가를 치르게 합니다. " +
            "우리는 엔트로피 적응형 미세 조정(EAFT)을 제안합니다.",
            ["SFT가 치명적 망각을 유발하는 이유는 외부 지도 정보를 따르도록 강제하기 때문이다.", "`EAFT`는 토큰 수준 엔트로피를 게이팅 메커니즘으로 활용한다."]),
        Paper(2, "Evolving Programmatic Skill Networks", "2601.03509", 51,
            "PSN은 LLM을 기반으로 심볼릭 프로그램 형태의 기술 네트워크를 진화시키는 프레임워크이다.",
            "우리는 개방형 체화 환경에서의 지속적인 기술 습득을 연구합니다.",
            ["PSN은 *실행 가능한* 심볼릭 프로그램으로 기술을 정의한다.", "REFLECT로 구조화된 오류 위치를 파악한다.", "MineDojo와 Crafter에서 실험했다."]),
        Paper(3, "Long Abstracts & <Angle> Brackets: A Stress Test for `Limits`", "2601.04000", null,
            "This summary mentions @everyone and @here and <!channel> and <@123456789012345678> on purpose.",
            string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"Paragraph {i}. " + string.Concat(Enumerable.Repeat("긴 초록 문장이 계속 이어집니다. Long abstract sentence keeps going on and on. ", 12)))),
            Enumerable.Range(1, 12).Select(i => $"Key point {i} with a [link](https://example.org/{i}) and **bold** text that runs long enough to matter: " + new string('가', 120)).ToList()),
        Paper(4, "Scaling Diffusion World Models", "2601.05111", 12,
            "Diffusion world models scale with data quality.",
            "We study how diffusion-based world models scale.",
            ["Data quality matters more than size."]),
        Paper(5, "A Short One", "2601.06222", 3, "Short.", "Short abstract.", ["Only point."]),
    ]);

    public static Edition Earlier { get; } = new(EarlierDate,
    [
        Paper(1, "Earlier Day Paper on Retrieval", "2601.01001", 40, "검색 증강 생성에 대한 연구.", "We revisit retrieval-augmented generation.", ["Retrieval helps."]),
        Paper(2, "Evolving Programmatic Skill Networks", "2601.03509", 20, "Same paper, an earlier day.", "An earlier appearance.", ["Appeared twice."]),
        Paper(3, "Third of the Earlier Day", "2601.01003", 10, "Third.", "Third abstract.", ["Third point."]),
    ]);

    public static InMemoryArchive Archive() => new(Earlier, Latest);

    public static Paper Paper(int rank, string title, string arxivId, int? upvotes, string summary, string @abstract, IReadOnlyList<string> keyPoints) =>
        new(rank, title, $"https://huggingface.co/papers/{arxivId}", arxivId, upvotes, $"images/{arxivId}_img.jpg",
            summary, @abstract, keyPoints, [], []);
}
