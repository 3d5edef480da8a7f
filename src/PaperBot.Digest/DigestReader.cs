using Markdig.Syntax;
using PaperBot.Core.Domain;
using PaperBot.Core.Results;

namespace PaperBot.Digest;

/// <summary>
/// Walks a digest's top-level blocks once: the <c>#</c> date heading, a <c>##</c> heading per paper,
/// its preamble (upvotes, thumbnail), its <c>###</c> sections, and <c>---</c> between papers.
/// </summary>
internal sealed class DigestReader
{
    private readonly SourceText _source;
    private readonly List<Paper> _papers = [];
    private DateOnly? _date;
    private string? _unrealDate;
    private PaperDraft? _paper;
    private SectionKind? _section; // null while in the paper's preamble
    private string _otherSectionName = "";
    private readonly List<string> _otherSectionText = [];

    private DigestReader(string markdown) => _source = new SourceText(markdown);

    public static Result<Edition> Read(string fileName, string markdown, MarkdownDocument document)
    {
        var reader = new DigestReader(markdown);
        foreach (var block in document)
            reader.Visit(block);
        reader.FinishPaper();
        return reader.Outcome(fileName);
    }

    private Result<Edition> Outcome(string fileName)
    {
        if (_date is null)
            return new InvalidDigest(fileName, _unrealDate is null
                ? "no date heading: expected a '# YYYY-MM-DD Daily Papers (Top N)' heading"
                : $"the date heading says '{_unrealDate}', which is not a valid date (expected YYYY-MM-DD)");
        if (_papers.Count == 0)
            return new InvalidDigest(fileName, "no papers: expected '## <rank>. [<title>](<url>)' headings after the date heading");
        return new Edition(_date.Value, InRankOrder(_papers));
    }

    private void Visit(Block block)
    {
        switch (block)
        {
            case HeadingBlock { IsSetext: false } heading:
                VisitHeading(heading);
                break;
            case HeadingBlock setext:
                // "text\n---" is a paragraph followed by the paper separator that CommonMark reads as a heading.
                VisitContent(setext);
                if (setext.Level == 2)
                    FinishPaper();
                break;
            case ThematicBreakBlock:
                FinishPaper();
                break;
            default:
                VisitContent(block);
                break;
        }
    }

    private void VisitHeading(HeadingBlock heading)
    {
        switch (heading.Level)
        {
            case 1:
                FinishPaper();
                if (_date is null)
                    ReadDate(heading);
                break;
            case 2:
                FinishPaper();
                _paper = Headings.ReadPaper(heading, _source, _papers.Count + 1);
                break;
            case 3 when _paper is not null:
                FinishSection();
                StartSection(_source.InlineContent(heading, " "));
                break;
            default:
                VisitContent(heading);
                break;
        }
    }

    private void ReadDate(HeadingBlock heading)
    {
        if (Headings.StartsWithDate(_source.InlineContent(heading, " "), out var date, out var written))
        {
            _date = date;
            _unrealDate ??= date is null ? written : null;
        }
    }

    private void StartSection(string name)
    {
        _section = SectionNames.Classify(name);
        if (_section == SectionKind.Other)
            _otherSectionName = name;
    }

    private void VisitContent(Block block)
    {
        if (_paper is null)
            return;
        switch (_section)
        {
            case null:
                PaperPreamble.Read(block, _source, _paper);
                break;
            case SectionKind.Summary:
                _paper.AddSummary(_source.BlockText(block));
                break;
            case SectionKind.Abstract:
                _paper.AddAbstract(_source.BlockText(block));
                break;
            case SectionKind.KeyPoints:
                KeyPoints.Read(block, _source, _paper);
                break;
            case SectionKind.Figures:
                Images.AddAll(block, _paper);
                break;
            default:
                if (_source.BlockText(block) is { Length: > 0 } text)
                    _otherSectionText.Add(text);
                break;
        }
    }

    private void FinishSection()
    {
        if (_section == SectionKind.Other && _paper is not null)
            _paper.AddOtherSection(_otherSectionName, string.Join("\n\n", _otherSectionText));
        _otherSectionText.Clear();
        _section = null;
    }

    private void FinishPaper()
    {
        FinishSection();
        if (_paper is not null)
            _papers.Add(_paper.Build());
        _paper = null;
    }

    private static IReadOnlyList<Paper> InRankOrder(List<Paper> papers)
    {
        for (var i = 1; i < papers.Count; i++)
        {
            if (papers[i - 1].Rank > papers[i].Rank)
                return papers.OrderBy(p => p.Rank).ToArray(); // OrderBy is stable: equal ranks keep document order
        }
        return papers;
    }
}
