using System.Text.Json;
using Microsoft.Extensions.Options;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Rendering;
using PaperBot.Core.Results;
using PaperBot.Slack.Options;
using PaperBot.Slack.Rendering;
using PaperBot.Slack.WebApi;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Publishing;

/// <summary>
/// Posts an edition to a Slack channel: the header, one card per paper, then the abstract and key points
/// in each card's thread. Each step is recorded in the ledger as it succeeds, so a re-run posts nothing
/// twice and a run that stopped halfway resumes where it stopped.
/// </summary>
public sealed class SlackEditionPublisher(
    ChatApi chat, ThumbnailResolver thumbnails, ArchiveLinks archiveLinks, IOptions<SlackOptions> options, TimeProvider time)
    : IEditionPublisher
{
    public const string PlatformName = "slack";

    public string Platform => PlatformName;

    public IReadOnlyList<string> Channels { get; } = options.Value.Channels.ToList();

    public async Task<Result<ChannelDelivery>> PublishAsync(Edition edition, string channel, IDeliveryLedger ledger, CancellationToken cancellationToken = default)
    {
        var recorded = (await ledger.GetDeliveriesAsync(PlatformName, channel, edition.Date, cancellationToken)).ToDictionary(d => d.Rank);
        var posted = 0;
        var threads = 0;

        if (!recorded.ContainsKey(Delivery.HeaderRank))
        {
            var header = await chat.PostMessageAsync(EditionRequests.Header(edition, channel), cancellationToken);
            if (!header.IsSuccess)
                return Failed(channel, header.Problem);
            await ledger.RecordAsync(Record(channel, edition.Date, Delivery.HeaderRank, header.Value.Ts, null), cancellationToken);
            posted++;
        }

        foreach (var paper in edition.Papers)
        {
            if (!recorded.TryGetValue(paper.Rank, out var card))
            {
                var message = await chat.PostMessageAsync(EditionRequests.Paper(edition.Date, paper, channel, thumbnails.Resolve(paper)), cancellationToken);
                if (!message.IsSuccess)
                    return Failed(channel, message.Problem);
                card = Record(channel, edition.Date, paper.Rank, message.Value.Ts, null);
                await ledger.RecordAsync(card, cancellationToken);
                posted++;
            }
            if (card.ThreadId is not null)
                continue;

            var replies = EditionRequests.ThreadReplies(paper, archiveLinks.ContinuationOf(edition.Date, paper), channel, card.MessageId);
            foreach (var reply in replies)
            {
                var answer = await chat.PostMessageAsync(reply, cancellationToken);
                if (!answer.IsSuccess)
                    return Failed(channel, answer.Problem);
            }
            await ledger.RecordAsync(card with { ThreadId = card.MessageId }, cancellationToken);
            if (replies.Count > 0)
                threads++;
        }

        return new ChannelDelivery(PlatformName, channel, edition.Date, posted, threads, AlreadyComplete: posted == 0 && threads == 0);
    }

    public IReadOnlyList<string> RenderRequests(Edition edition, string channel)
    {
        var context = SlackJsonContext.Relaxed;
        var bodies = new List<string> { JsonSerializer.Serialize(EditionRequests.Header(edition, channel), context.ChatPostMessageRequest) };
        foreach (var paper in edition.Papers)
        {
            bodies.Add(JsonSerializer.Serialize(EditionRequests.Paper(edition.Date, paper, channel, thumbnails.Resolve(paper)), context.ChatPostMessageRequest));
            var placeholderTs = $"(ts of paper {paper.Rank})";
            bodies.AddRange(EditionRequests.ThreadReplies(paper, archiveLinks.ContinuationOf(edition.Date, paper), channel, placeholderTs)
                .Select(reply => JsonSerializer.Serialize(reply, context.ChatPostMessageRequest)));
        }
        return bodies;
    }

    private Delivery Record(string channel, DateOnly date, int rank, string ts, string? threadId) =>
        new(PlatformName, channel, date, rank, ts, threadId, time.GetUtcNow());

    private static ChannelFailed Failed(string channel, Problem problem) => new(PlatformName, channel, problem.Message);
}
