namespace PaperBot.Corpus;

/// <summary>The words the generated papers are made of: English titles, Korean text, as in the real digests.</summary>
internal static class Vocabulary
{
    public static readonly string[] Methods =
    [
        "Entropy-Gated", "Sparse", "Hierarchical", "Contrastive", "Self-Rewarding", "Latent", "Speculative", "Diffusion-Guided",
        "Retrieval-Augmented", "Mixture-of-Experts", "Curriculum", "Token-Adaptive", "Multi-Agent", "Federated", "Causal",
        "Recursive", "Test-Time", "Quantized", "Long-Context", "Program-Aided", "Reflective", "Modular",
    ];

    public static readonly string[] Nouns =
    [
        "Fine-Tuning", "Decoding", "Reasoning", "Distillation", "Planning", "Attention", "Tokenization", "Alignment",
        "Reward Modeling", "Tool Use", "Routing", "Retrieval", "Video Generation", "Speech Synthesis", "World Models",
        "Code Generation", "Preference Optimization", "Memory", "Evaluation", "Skill Discovery",
    ];

    public static readonly string[] Tasks =
    [
        "Mathematical Reasoning", "Multilingual Translation", "Embodied Agents", "Medical QA", "Software Engineering",
        "Scientific Discovery", "Open-Domain Dialogue", "Robotic Manipulation", "Image Editing", "Audio-Visual Generation",
        "Theorem Proving", "Web Navigation", "Chart Understanding", "Document Parsing", "Protein Design", "Autonomous Driving",
    ];

    public static readonly string[] Names =
    [
        "Atlas", "Klear", "Nova", "Orion", "Helix", "Prism", "Quill", "Echo", "Lumen", "Vega",
        "Sable", "Tessera", "Mosaic", "Aurora", "Cobalt", "Kite", "Ember", "Zephyr", "Onyx", "Juno",
    ];

    public static readonly string[] KoreanTopics =
    [
        "대규모 언어 모델", "멀티모달 모델", "강화 학습", "확산 모델", "에이전트", "검색 증강 생성",
        "지식 증류", "음성 합성", "코드 생성", "비디오 생성", "수학적 추론", "도구 사용",
    ];

    // Templates: {m} the method, {t} the topic, {n} a count, {p} a percentage, {s} a model size in billions.
    public static readonly string[] Openings =
    [
        "본 연구는 {t}의 한계를 해결하기 위해 {m} 방법을 제안한다.",
        "우리는 {t}에서 {m} 접근법이 효율성과 정확도를 동시에 개선함을 보인다.",
        "{m} 프레임워크는 {t}의 확장성 문제를 체계적으로 다룬다.",
    ];

    public static readonly string[] Sentences =
    [
        "기존 방법들은 {t}에서 계산 비용이 크거나 일반화 성능이 낮다는 문제가 있었습니다.",
        "우리는 {n}개의 벤치마크에서 광범위한 실험을 수행했습니다.",
        "제안 방법은 기존 최고 성능 대비 평균 {p}%의 향상을 달성했습니다.",
        "또한 모델 크기가 {s}B 매개변수까지 증가해도 성능이 안정적으로 유지됨을 확인했습니다.",
        "분석 결과, 데이터 품질이 성능 향상의 핵심 요인임을 밝혀냈습니다.",
        "우리는 코드와 데이터셋을 공개하여 후속 연구를 지원합니다.",
        "이 접근법은 추가 학습 없이도 분포 외 작업에서 강건하게 일반화됩니다.",
    ];

    public static readonly string[] Points =
    [
        "{m} 방법은 {t}에서 기존 방식보다 {p}% 높은 성능을 보인다.",
        "{n}개 벤치마크 실험으로 제안 기법의 일반화 능력을 검증했다.",
        "핵심 아이디어는 불확실성이 높은 토큰에 학습을 집중하는 것이다.",
        "추론 비용을 {p}% 절감하면서도 정확도를 유지한다.",
        "{s}B 규모의 모델에서도 안정적인 확장성을 확인했다.",
        "공개된 데이터셋과 코드로 재현성을 보장한다.",
    ];

    public static readonly int[] ModelSizes = [4, 7, 8, 14, 32, 70];
}
