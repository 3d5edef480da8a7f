using System.Runtime.CompilerServices;
using PaperBot.Core.Commands;

namespace PaperBot.Core.Rendering;

/// <summary>
/// Remembers how a platform rendered an answer about a paper or an edition, for as long as the archive hands out
/// that same paper or edition object. The archive replaces its objects when it changes, so a remembered rendering
/// is never stale, and it is collected together with the object it belongs to. Search results are rendered each time.
/// Each slot is one kind of answer with one visibility (a listing shown to the channel and one shown privately never
/// share a rendering), and the rendering is handed to every later caller, so it must be immutable.
/// </summary>
public sealed class RenderedAnswers<TRendered> where TRendered : class
{
    private enum Kind { KeyPoints, Abstract, PrivateListing, PublicListing }

    private sealed record Kept(DateOnly Date, TRendered Rendered);

    private sealed class Slots
    {
        public readonly Kept?[] ByKind = new Kept?[4];
    }

    private readonly ConditionalWeakTable<object, Slots> _slots = new();
    private readonly Func<PapersAnswer, TRendered> _render;

    public RenderedAnswers(Func<PapersAnswer, TRendered> render)
    {
        _render = render;
    }

    public TRendered Get(PapersAnswer answer)
    {
        var (owner, date, kind) = answer switch
        {
            PapersAnswer.KeyPoints points => ((object)points.Paper.Paper, points.Paper.Date, Kind.KeyPoints),
            PapersAnswer.AbstractText text => (text.Paper.Paper, text.Paper.Date, Kind.Abstract),
            PapersAnswer.EditionListing listing => (listing.Edition, listing.Edition.Date, listing.Public ? Kind.PublicListing : Kind.PrivateListing),
            _ => (null, default, default),
        };
        if (owner is null)
            return _render(answer);

        var slots = _slots.GetOrCreateValue(owner).ByKind;
        if (slots[(int)kind] is { } kept && kept.Date == date)
            return kept.Rendered;
        var rendered = _render(answer);
        slots[(int)kind] = new Kept(date, rendered);
        return rendered;
    }
}
