using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Core.Commands;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ingest;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Delivery;

namespace PaperBot.Cli;

/// <summary>
/// <c>post [--date D] [--dry-run]</c>: delivers an edition to every subscribed channel now, through the same delivery path
/// and record as the schedule, so what either sent is never sent again.
/// </summary>
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

        var fanOut = services.GetRequiredService<DeliveryFanOut>();
        var channels = (await services.GetRequiredService<SubscriptionDirectory>().ListAsync(cancellationToken))
            .Where(s => fanOut.Platform(s.Channel.Platform) is not null)
            .Select(s => s.Channel)
            .ToList();
        if (channels.Count == 0)
        {
            error.WriteLine("No channel is subscribed: set Discord:Channels and/or Slack:Channels (e.g. Discord__Channels__0=123456789012345678), " +
                            "or use /papers subscribe in a channel.");
            return ExitCodes.Usage;
        }

        if (dryRun)
        {
            foreach (var channel in channels)
                PrintRequests(output, fanOut, channel, edition);
            return ExitCodes.Ok;
        }

        var outcomes = await fanOut.DeliverAsync(channels.ConvertAll(c => new DeliveryJob(c, edition)), cancellationToken);
        var allDelivered = true;
        foreach (var outcome in outcomes)
        {
            var where = $"{outcome.Key.Platform} channel {outcome.Key.Channel}";
            switch (outcome)
            {
                case ChannelOutcome.Delivered { NothingToDo: true }:
                    output.WriteLine($"{where}: already posted, nothing sent");
                    break;
                case ChannelOutcome.Delivered delivered:
                    output.WriteLine($"{where}: posted {delivered.Sent} item(s) of the {EditionDates.ToText(edition.Date)} edition" +
                                     (delivered.Edited > 0 ? $", edited {delivered.Edited}" : ""));
                    break;
                case ChannelOutcome.Failed failed:
                    allDelivered = false;
                    error.WriteLine($"FAILED {where}: {failed.Problem.Message}" +
                                    (failed.RetryAt is { } at ? $" (the schedule tries again at {at:yyyy-MM-dd HH:mm} UTC)" : ""));
                    break;
                case ChannelOutcome.Busy:
                case ChannelOutcome.LeaseLost:
                    allDelivered = false;
                    error.WriteLine($"{where}: another copy of PaperBot is delivering this edition right now; it finishes it");
                    break;
            }
        }
        return allDelivered ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>The request bodies delivering the edition to the channel would send, in order.</summary>
    private static void PrintRequests(TextWriter output, DeliveryFanOut fanOut, ChannelRef channel, Edition edition)
    {
        output.WriteLine($"# {channel.Platform} channel {channel.Channel}, edition {EditionDates.ToText(edition.Date)}");
        foreach (var request in EditionRequests.For(fanOut, fanOut.Platform(channel.Platform)!, channel.Channel, edition))
            output.WriteLine(request.Body);
    }
}
