using PaperBot.Core.Commands;
using PaperBot.Core.Domain;

namespace PaperBot.Digest;

/// <summary>A paper while its blocks are being read; <see cref="Build"/> fills what the digest left out with empty values.</summary>
internal sealed class PaperDraft(int rank, string title, string url)
{
    private readonly List<string> _summary = [];
    private readonly List<string> _abstract = [];
    private readonly List<string> _keyPoints = [];
    private readonly List<string> _figures = [];
    private List<ExtraSection>? _otherSections;

    public int? Upvotes { get; set; }

    public string? Thumbnail { get; set; }

    public void AddSummary(string paragraph) => AddNonEmpty(_summary, paragraph);

    public void AddAbstract(string paragraph) => AddNonEmpty(_abstract, paragraph);

    public void AddKeyPoint(string point) => AddNonEmpty(_keyPoints, point);

    public void AddFigure(string url) => AddNonEmpty(_figures, url);

    public void AddOtherSection(string name, string text) => (_otherSections ??= []).Add(new ExtraSection(name, text));

    public Paper Build() => new(
        rank,
        title,
        url,
        PaperReference.ArxivIdFromUrl(url),
        Upvotes,
        Thumbnail,
        string.Join("\n\n", _summary),
        string.Join("\n\n", _abstract),
        _keyPoints,
        _figures,
        _otherSections ?? (IReadOnlyList<ExtraSection>)[]);

    private static void AddNonEmpty(List<string> list, string text)
    {
        if (text.Length > 0)
            list.Add(text);
    }
}
