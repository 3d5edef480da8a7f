using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Core.Commands;
using PaperBot.Core.Ingest;
using PaperBot.Core.Posting;
using PaperBot.Core.Queries;

namespace PaperBot.Cli;

/// <summary><c>post [--date D] [--dry-run]</c>: posts an edition to every configured channel now; what was posted already is not posted again.</summary>
internal static class PostVerb
{
    /// <param name="date">The edition's date (the command line has checked it), or null for the latest.</param>
    public static async Task<int> RunAsync(DateOnly? date, bool dryRun, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var folder = services.GetRequiredService<IOptions<DigestsOptions>>().Value.FullPath;
        await services.GetRequiredService<DigestIngestor>().IngestFolderAsync(folder, cancellationToken);

        var papers = services.GetRequiredService<PapersService>();
        var command = date is { } day ? new PapersCommand.Day(day, false) : (PapersCommand)new PapersCommand.Today(false);
        var answer = await papers.AnswerAsync(command, null, cancellationToken);
        if (!answer.TryGetValue(out var listing, out var problem))
        {
            error.WriteLine(problem.Message);
            return ExitCodes.Failed;
        }
        var edition = ((PapersAnswer.EditionListing)listing).Edition;

        var poster = services.GetRequiredService<EditionPoster>();
        if (poster.ConfiguredPublishers.Count == 0)
        {
            error.WriteLine("No channel is configured: set Discord:Channels and/or Slack:Channels (e.g. Discord__Channels__0=123456789012345678).");
            return ExitCodes.Usage;
        }

        if (dryRun)
        {
            foreach (var publisher in poster.ConfiguredPublishers)
            {
                foreach (var channel in publisher.Channels)
                {
                    output.WriteLine($"# {publisher.Platform} channel {channel}, edition {EditionDates.ToText(edition.Date)}");
                    foreach (var body in publisher.RenderRequests(edition, channel))
                        output.WriteLine(body);
                }
            }
            return ExitCodes.Ok;
        }

        var report = await poster.PostAsync(edition, cancellationToken);
        foreach (var outcome in report.Channels)
        {
            if (outcome.TryGetValue(out var delivered, out var failure))
                output.WriteLine(delivered.AlreadyComplete
                    ? $"{delivered.Platform} {delivered.Channel}: already posted, nothing sent"
                    : $"{delivered.Platform} {delivered.Channel}: posted {delivered.MessagesPosted} message(s), started {delivered.ThreadsStarted} thread(s)");
            else
                error.WriteLine($"FAILED {failure.Message}");
        }
        return report.AllSucceeded ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
