using PaperBot.Core.Domain;

namespace PaperBot.Core.Commands;

/// <summary>What PaperBot answers, before a platform renders it.</summary>
public abstract record PapersAnswer
{
    private PapersAnswer() { }

    public sealed record EditionListing(Edition Edition, bool Public) : PapersAnswer;

    public sealed record KeyPoints(PaperRef Paper) : PapersAnswer;

    public sealed record AbstractText(PaperRef Paper) : PapersAnswer;

    public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits) : PapersAnswer;

    public sealed record Help(string Text) : PapersAnswer;

    /// <summary>A private answer in plain words (subscriptions, status): shown to the person who asked, never the channel.</summary>
    public sealed record Notice(string Text) : PapersAnswer;
}
