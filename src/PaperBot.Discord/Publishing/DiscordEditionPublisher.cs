using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Rendering;
using PaperBot.Core.Results;
using PaperBot.Discord.Options;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Publishing;

/// <summary>
/// Posts an edition to a Discord channel: a header, one embed message per paper, then a public thread from each
/// paper message opening with the full abstract. Each step is recorded in the ledger as it succeeds, so a re-run
/// posts nothing twice and a run that failed midway resumes where it stopped.
/// </summary>
internal sealed class DiscordEditionPublisher(
    DiscordRestClient discord,
    EditionMessages messages,
    ArchiveLinks archiveLinks,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordEditionPublisher> logger) : IEditionPublisher
{
    public string Platform => DiscordPlatform.Name;

    public IReadOnlyList<string> Channels { get; } = options.Value.Channels.ConvertAll(c => c.Trim());

    public async Task<Result<ChannelDelivery>> PublishAsync(Edition edition, string channel, IDeliveryLedger ledger, CancellationToken cancellationToken = default)
    {
        var recorded = new Dictionary<int, Delivery>();
        foreach (var delivery in await ledger.GetDeliveriesAsync(Platform, channel, edition.Date, cancellationToken))
            recorded[delivery.Rank] = delivery;
        if (IsComplete(edition, recorded))
            return new ChannelDelivery(Platform, channel, edition.Date, 0, 0, AlreadyComplete: true);

        var posted = 0;
        var threads = 0;
        if (!recorded.ContainsKey(Delivery.HeaderRank))
        {
            var header = await discord.CreateMessageAsync(channel, EditionMessages.Header(edition), cancellationToken);
            if (!header.IsSuccess)
                return Failed(channel, header.Problem);
            await RecordAsync(ledger, recorded, edition.Date, channel, Delivery.HeaderRank, header.Value.Id, null, cancellationToken);
            posted++;
        }

        foreach (var paper in edition.Papers)
        {
            if (recorded.ContainsKey(paper.Rank))
                continue;
            var message = await discord.CreateMessageAsync(channel, messages.Paper(edition.Date, paper), cancellationToken);
            if (!message.IsSuccess)
                return Failed(channel, message.Problem);
            await RecordAsync(ledger, recorded, edition.Date, channel, paper.Rank, message.Value.Id, null, cancellationToken);
            posted++;
        }

        foreach (var paper in edition.Papers)
        {
            var delivery = recorded[paper.Rank];
            if (delivery.ThreadId is not null)
                continue;
            var thread = await StartThreadAsync(channel, delivery.MessageId, paper, cancellationToken);
            if (!thread.IsSuccess)
                return Failed(channel, thread.Problem);
            foreach (var piece in EditionMessages.ThreadAbstract(paper, archiveLinks.ContinuationOf(edition.Date, paper)))
            {
                var reply = await discord.CreateMessageAsync(thread.Value, piece, cancellationToken);
                if (!reply.IsSuccess)
                    return Failed(channel, reply.Problem);
            }
            await RecordAsync(ledger, recorded, edition.Date, channel, paper.Rank, delivery.MessageId, thread.Value, cancellationToken);
            threads++;
        }

        logger.LogInformation("Posted the {Date} edition to Discord channel {Channel}: {Messages} messages, {Threads} threads",
            edition.Date, channel, posted, threads);
        return new ChannelDelivery(Platform, channel, edition.Date, posted, threads, AlreadyComplete: false);
    }

    public IReadOnlyList<string> RenderRequests(Edition edition, string channel)
    {
        var context = DiscordJson.Context;
        var bodies = new List<string> { JsonSerializer.Serialize(EditionMessages.Header(edition), context.MessagePayload) };
        foreach (var paper in edition.Papers)
            bodies.Add(JsonSerializer.Serialize(messages.Paper(edition.Date, paper), context.MessagePayload));
        foreach (var paper in edition.Papers)
        {
            bodies.Add(JsonSerializer.Serialize(EditionMessages.Thread(paper), context.ThreadCreatePayload));
            foreach (var piece in EditionMessages.ThreadAbstract(paper, archiveLinks.ContinuationOf(edition.Date, paper)))
                bodies.Add(JsonSerializer.Serialize(piece, context.MessagePayload));
        }
        return bodies;
    }

    /// <summary>The thread's id. A thread already started from this message (a run stopped just after) has the message's id.</summary>
    private async Task<Result<string>> StartThreadAsync(string channel, string messageId, Paper paper, CancellationToken cancellationToken)
    {
        var thread = await discord.StartThreadFromMessageAsync(channel, messageId, EditionMessages.Thread(paper), cancellationToken);
        if (thread.IsSuccess)
            return thread.Value.Id;
        if (thread.Problem is DiscordApiProblem { Code: DiscordApiProblem.ThreadAlreadyCreated })
            return messageId;
        return thread.Problem;
    }

    private static bool IsComplete(Edition edition, Dictionary<int, Delivery> recorded)
    {
        if (!recorded.ContainsKey(Delivery.HeaderRank))
            return false;
        foreach (var paper in edition.Papers)
        {
            if (!recorded.TryGetValue(paper.Rank, out var delivery) || delivery.ThreadId is null)
                return false;
        }
        return true;
    }

    private async Task RecordAsync(IDeliveryLedger ledger, Dictionary<int, Delivery> recorded, DateOnly date, string channel, int rank,
        string messageId, string? threadId, CancellationToken cancellationToken)
    {
        var delivery = new Delivery(Platform, channel, date, rank, messageId, threadId, time.GetUtcNow());
        await ledger.RecordAsync(delivery, cancellationToken);
        recorded[rank] = delivery;
    }

    private ChannelFailed Failed(string channel, Problem problem)
    {
        logger.LogWarning("Posting to Discord channel {Channel} failed: {Problem}", channel, problem.Message);
        return new ChannelFailed(Platform, channel, problem.Message);
    }
}
