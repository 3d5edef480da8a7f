using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Ingest;
using PaperBot.Core.Queries;
using PaperBot.Core.Results;

namespace PaperBot.Cli;

/// <summary><c>show [date] [paper]</c>: prints an edition or one paper from the archive, brought up to date with the digest folder first.</summary>
internal static class ShowVerb
{
    /// <param name="arguments">The date (if the first looks like one), then the paper's words.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var folder = services.GetRequiredService<IOptions<DigestsOptions>>().Value.FullPath;
        await services.GetRequiredService<DigestIngestor>().IngestFolderAsync(folder, cancellationToken);

        var papers = services.GetRequiredService<PapersService>();
        var words = arguments.ToList();
        DateOnly? date = null;
        if (words.Count > 0 && EditionDates.LooksLikeDate(words[0]))
        {
            if (!EditionDates.TryParse(words[0], out var parsed))
                return Fail(error, $"\"{words[0]}\" is not a date; write dates as YYYY-MM-DD.", ExitCodes.Usage);
            date = parsed;
            words.RemoveAt(0);
        }

        if (words.Count > 0)
        {
            var paper = await papers.ResolvePaperAsync(string.Join(' ', words), date, cancellationToken);
            if (!paper.TryGetValue(out var found, out var problem))
                return Fail(error, problem.Message, ExitCodes.Failed);
            PrintPaper(output, found);
            return ExitCodes.Ok;
        }

        var command = date is { } day ? new PapersCommand.Day(day, false) : (PapersCommand)new PapersCommand.Today(false);
        var answer = await papers.AnswerAsync(command, null, cancellationToken);
        if (!answer.TryGetValue(out var listing, out var listingProblem))
            return Fail(error, listingProblem.Message, ExitCodes.Failed);
        PrintEdition(output, ((PapersAnswer.EditionListing)listing).Edition);
        return ExitCodes.Ok;
    }

    private static void PrintEdition(TextWriter output, Edition edition)
    {
        output.WriteLine($"{EditionDates.ToText(edition.Date)} · {edition.Papers.Count} papers");
        foreach (var paper in edition.Papers)
        {
            output.WriteLine();
            output.WriteLine($"{paper.Rank}. {paper.Title}");
            output.WriteLine($"   {Details(paper)}");
            if (paper.Summary.Length > 0)
                output.WriteLine($"   {paper.Summary}");
        }
    }

    private static void PrintPaper(TextWriter output, PaperRef found)
    {
        var paper = found.Paper;
        output.WriteLine($"{paper.Rank}. {paper.Title}");
        output.WriteLine($"{EditionDates.ToText(found.Date)} · {Details(paper)}");
        Section(output, "Summary", paper.Summary);
        Section(output, "Abstract", paper.Abstract);
        if (paper.KeyPoints.Count > 0)
            Section(output, "Key points", string.Join(Environment.NewLine, paper.KeyPoints.Select(p => "- " + p)));
        foreach (var extra in paper.OtherSections)
            Section(output, extra.Name, extra.Text);
    }

    private static string Details(Paper paper)
    {
        var parts = new List<string>();
        if (paper.Upvotes is { } upvotes)
            parts.Add($"{upvotes} upvotes");
        parts.Add(paper.ArxivAbsUrl ?? paper.Url);
        return string.Join(" · ", parts);
    }

    private static void Section(TextWriter output, string name, string text)
    {
        if (text.Length == 0)
            return;
        output.WriteLine();
        output.WriteLine($"## {name}");
        output.WriteLine(text);
    }

    private static int Fail(TextWriter error, string message, int exitCode)
    {
        error.WriteLine(message);
        return exitCode;
    }
}
