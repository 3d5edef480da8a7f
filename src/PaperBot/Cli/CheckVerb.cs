using System.Text.Json;
using System.Text.Json.Serialization;
using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Files;
using PaperBot.Core.Ingest;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;
using PaperBot.Digest;
using PaperBot.Web;

namespace PaperBot.Cli;

/// <summary><c>check</c>: parses digests without storing them and reports each file.</summary>
internal static class CheckVerb
{
    public static int Run(IReadOnlyList<string> paths, bool json, TextWriter output)
    {
        IDigestParser parser = new MarkdigDigestParser();
        var failed = 0;
        foreach (var file in ExpandFiles(paths))
        {
            var line = Check(parser, file);
            if (!line.Ok)
                failed++;
            output.WriteLine(json ? JsonSerializer.Serialize(line, HostJsonContext.Readable.CheckLine) : Describe(line));
        }
        if (!json)
            output.WriteLine(failed == 0 ? "All digests parsed." : $"{failed} digest(s) failed.");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static IEnumerable<string> ExpandFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in DigestIngestor.FindDigestFiles(path))
                    yield return file;
            }
            else
                yield return path;
        }
    }

    private static CheckLine Check(IDigestParser parser, string file)
    {
        // Bounded like ingest (Digests:MaxFileBytes' default), and a pipe or device is refused rather than waited on.
        var read = BoundedFile.ReadAsync(file, BoundedFile.DefaultMaxBytes).GetAwaiter().GetResult();
        if (!read.TryGetValue(out var bytes, out var refusal))
            return CheckLine.Failure(file, FileProbe.Probe(file).Kind == FileKind.Missing ? "no such file or folder" : Reason(refusal));
        Result<Edition> result;
        try
        {
            result = parser.Parse(Path.GetFileName(file), bytes);
        }
        catch (Exception e)
        {
            // A parser bug on one file is that file's failure; the other files are still checked.
            return CheckLine.Failure(file, $"could not be read as a digest ({e.GetType().Name}: {e.Message})");
        }
        return result.TryGetValue(out var edition, out var problem)
            ? CheckLine.Success(file, edition)
            : CheckLine.Failure(file, Reason(problem));
    }

    private static string Reason(Problem problem) => problem is InvalidDigest invalid ? invalid.Reason : problem.Message;

    private static string Describe(CheckLine line) =>
        line.Ok ? $"ok      {line.Date}  {line.Papers!.Count} papers  {line.File}" : $"FAILED  {line.File}: {line.Error}";
}

/// <summary>One line of <c>check --json</c>.</summary>
internal sealed record CheckLine(
    string File,
    bool Ok,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CheckPaper>? Papers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
{
    public static CheckLine Success(string file, Edition edition) =>
        new(file, true, EditionDates.ToText(edition.Date), edition.Papers.Select(CheckPaper.From).ToList(), null);

    public static CheckLine Failure(string file, string error) => new(file, false, null, null, error);
}

internal sealed record CheckPaper(
    int Rank, string Title, string Url, string? ArxivId, int? Upvotes, string? Thumbnail,
    string Summary, string Abstract, IReadOnlyList<string> KeyPoints, IReadOnlyList<string> Figures)
{
    public static CheckPaper From(Paper p) =>
        new(p.Rank, p.Title, p.Url, p.ArxivId, p.Upvotes, p.Thumbnail, p.Summary, p.Abstract, p.KeyPoints, p.Figures);
}
