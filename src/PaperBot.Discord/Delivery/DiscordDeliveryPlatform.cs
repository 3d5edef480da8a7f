using System.Text.Json;
using Microsoft.Extensions.Options;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Rendering;
using PaperBot.Core.Results;
using PaperBot.Discord.Options;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Delivery;

/// <summary>
/// Discord as the delivery planner drives it: an edition rendered once as a header, one embed card per paper, a thread
/// started from each card and the abstract inside it; each primitive is one REST call (paced and retried by the client).
/// Every create-message request carries a nonce of (edition, channel, item) with <c>enforce_nonce</c>, so sending an item
/// again, after a timeout or a crash, returns the message already in the channel instead of posting a second one.
/// </summary>
internal sealed class DiscordDeliveryPlatform(DiscordRestClient discord, EditionMessages messages, ArchiveLinks archiveLinks, IOptions<DiscordOptions> options)
    : IDeliveryPlatform
{
    public string Platform => DiscordPlatform.Name;

    public IReadOnlyList<string> ConfiguredChannels { get; } = options.Value.Channels.ConvertAll(c => c.Trim()).AsReadOnly();

    public bool StartsThreads => true;

    public IReadOnlyList<RenderedItem> Render(Edition edition)
    {
        var items = new List<RenderedItem> { DiscordMessageItem.Of(ItemKey.Header, EditionMessages.Header(edition)) };
        foreach (var paper in edition.Papers)
        {
            items.Add(DiscordMessageItem.Of(ItemKey.Card(paper.Rank), messages.Paper(edition.Date, paper)));
            items.Add(DiscordThreadItem.Of(ItemKey.Thread(paper.Rank), EditionMessages.Thread(paper)));
            var pieces = EditionMessages.ThreadAbstract(paper, archiveLinks.ContinuationOf(edition.Date, paper));
            for (var i = 0; i < pieces.Count; i++)
                items.Add(DiscordMessageItem.Of(ItemKey.Reply(paper.Rank, i), pieces[i]));
        }
        return items;
    }

    public RenderedItem RenderWithdrawnCard(DateOnly date, int rank) => DiscordMessageItem.Of(ItemKey.Card(rank), EditionMessages.WithdrawnCard(date, rank));

    public RenderedItem RenderRemovedReply(DateOnly date, ItemKey reply) => DiscordMessageItem.Of(reply, EditionMessages.RemovedReply());

    public Task<Result<string>> SendHeaderAsync(DeliveryKey delivery, RenderedItem header, CancellationToken cancellationToken) =>
        CreateAsync(delivery, delivery.Channel, header, cancellationToken);

    public Task<Result<string>> SendCardAsync(DeliveryKey delivery, RenderedItem card, CancellationToken cancellationToken) =>
        CreateAsync(delivery, delivery.Channel, card, cancellationToken);

    public async Task<Result<string>> StartThreadAsync(DeliveryKey delivery, RenderedItem thread, string cardId, CancellationToken cancellationToken)
    {
        var started = await discord.StartThreadFromMessageAsync(delivery.Channel, cardId, ThreadOf(thread).Thread, cancellationToken);
        if (started.IsSuccess)
            return started.Value.Id;
        // Started already (by a send whose answer was lost): a thread started from a message has the message's id.
        return started.Problem is DiscordApiProblem { Code: DiscordApiProblem.ThreadAlreadyCreated } ? cardId : ToCore(started.Problem);
    }

    public Task<Result<string>> SendReplyAsync(DeliveryKey delivery, RenderedItem reply, string threadId, CancellationToken cancellationToken) =>
        CreateAsync(delivery, threadId, reply, cancellationToken);

    public async Task<Result<string>> EditAsync(DeliveryKey delivery, RenderedItem item, string platformId, string? threadId, CancellationToken cancellationToken)
    {
        if (item is DiscordThreadItem thread)
        {
            var renamed = await discord.RenameThreadAsync(platformId, new ThreadRenamePayload(thread.Thread.Name), cancellationToken);
            return renamed.IsSuccess ? platformId : ToCore(renamed.Problem);
        }
        var edited = await discord.EditMessageAsync(threadId ?? delivery.Channel, platformId, EditBody(MessageOf(item)), cancellationToken);
        return edited.IsSuccess ? platformId : ToCore(edited.Problem);
    }

    /// <summary>Never needed: the enforced nonce makes a re-send return the message that is already there.</summary>
    public Task<Result<string?>> FindUnrecordedAsync(DeliveryKey delivery, RenderedItem item, string? threadId, DateTimeOffset notBefore,
        CancellationToken cancellationToken) =>
        Task.FromResult<Result<string?>>((string?)null);

    /// <summary>The body exactly as sent to this channel, nonce included; the parent's id goes in the path, not the body.</summary>
    public string DescribeRequest(DeliveryKey delivery, RenderedItem item, string? parentId) => item switch
    {
        DiscordThreadItem thread => JsonSerializer.Serialize(thread.Thread, DiscordJson.Context.ThreadCreatePayload),
        _ => JsonSerializer.Serialize(DeliveryNonce.Apply(MessageOf(item).Message, DeliveryNonce.For(delivery, item.Key)), DiscordJson.Context.MessagePayload),
    };

    private async Task<Result<string>> CreateAsync(DeliveryKey delivery, string channelId, RenderedItem item, CancellationToken cancellationToken)
    {
        var body = DeliveryNonce.Apply(MessageOf(item).Message, DeliveryNonce.For(delivery, item.Key));
        var created = await discord.CreateMessageAsync(channelId, body, cancellationToken);
        return created.IsSuccess ? created.Value.Id : ToCore(created.Problem);
    }

    /// <summary>
    /// An edit replaces what it names and leaves the rest: the card's buttons are always named (none, for a withdrawn card),
    /// and mentions stay off, since an edit without <c>allowed_mentions</c> is parsed with the default rules.
    /// </summary>
    private static MessagePayload EditBody(DiscordMessageItem item) => new()
    {
        Content = item.Message.Content,
        Embeds = item.Message.Embeds,
        Components = item.Key.Kind == ItemKind.Card ? item.Message.Components ?? [] : item.Message.Components,
        AllowedMentions = item.Message.AllowedMentions,
    };

    private static DiscordMessageItem MessageOf(RenderedItem item) =>
        item as DiscordMessageItem ?? throw new ArgumentException($"{item.Key} is not a Discord message item.", nameof(item));

    private static DiscordThreadItem ThreadOf(RenderedItem item) =>
        item as DiscordThreadItem ?? throw new ArgumentException($"{item.Key} is not a Discord thread item.", nameof(item));

    /// <summary>A refusal that retrying will not change, or a failure that may pass: the two kinds the planner acts on.</summary>
    private static Problem ToCore(Problem problem) => problem switch
    {
        DiscordUnavailable unavailable => new PlatformUnavailable(DiscordPlatform.Name, $"{unavailable.LastFailure}, when asked to {unavailable.Operation}"),
        DiscordApiProblem refused => new PlatformRejected(DiscordPlatform.Name, refused.Reason),
        _ => new PlatformRejected(DiscordPlatform.Name, problem.Message),
    };
}
