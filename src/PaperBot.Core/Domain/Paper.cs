namespace PaperBot.Core.Domain;

/// <summary>
/// One paper of an edition. Text fields keep the digest's inline markdown; each platform renders it.
/// A section the digest left out is the empty string (or an empty list).
/// </summary>
public sealed record Paper(
    int Rank,
    string Title,
    string Url,
    string? ArxivId,
    int? Upvotes,
    string? Thumbnail,
    string Summary,
    string Abstract,
    IReadOnlyList<string> KeyPoints,
    IReadOnlyList<string> Figures,
    IReadOnlyList<ExtraSection> OtherSections)
{
    public string? ArxivAbsUrl => ArxivId is null ? null : $"https://arxiv.org/abs/{ArxivId}";

    public string? ArxivPdfUrl => ArxivId is null ? null : $"https://arxiv.org/pdf/{ArxivId}";

    /// <summary>Hugging Face's social thumbnail, used when the digest's own image has no public address.</summary>
    public string? HuggingFaceThumbnailUrl =>
        ArxivId is null ? null : $"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{ArxivId}.png";
}

/// <summary>A section the parser did not recognise, kept by name rather than dropped.</summary>
public sealed record ExtraSection(string Name, string Text);
