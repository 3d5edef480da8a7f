using System.Text.Json;
using Microsoft.Extensions.Options;
using PaperBot.Core.Delivery;
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
/// Slack for the delivery planner: an edition is a header message, a card per paper and the card's thread replies
/// (a Slack thread is the replies under a message, so there is no thread item: a reply's thread is its card's <c>ts</c>).
/// Each primitive is one <see cref="ChatApi"/> call; Slack's refusals that will not change are <see cref="PlatformRejected"/>,
/// everything that may pass is <see cref="PlatformUnavailable"/>.
/// </summary>
public sealed class SlackDeliveryPlatform(ChatApi chat, ThumbnailResolver thumbnails, ArchiveLinks archiveLinks, IOptions<SlackOptions> options) : IDeliveryPlatform
{
    public string Platform => SlackPlatform.Name;

    public IReadOnlyList<string> ConfiguredChannels => options.Value.Channels;

    public bool StartsThreads => false;

    public IReadOnlyList<RenderedItem> Render(Edition edition) => EditionRequests.Items(edition, thumbnails, archiveLinks);

    public RenderedItem RenderWithdrawnCard(DateOnly date, int rank) => EditionRequests.WithdrawnCard(date, rank);

    public RenderedItem RenderRemovedReply(DateOnly date, ItemKey reply) => EditionRequests.RemovedReply(date, reply);

    public Task<Result<string>> SendHeaderAsync(DeliveryKey delivery, RenderedItem header, CancellationToken cancellationToken) =>
        PostAsync(delivery, header, threadTs: null, cancellationToken);

    public Task<Result<string>> SendCardAsync(DeliveryKey delivery, RenderedItem card, CancellationToken cancellationToken) =>
        PostAsync(delivery, card, threadTs: null, cancellationToken);

    /// <summary>Slack has no thread to start: the replies go under the card, so the thread's id is the card's.</summary>
    public Task<Result<string>> StartThreadAsync(DeliveryKey delivery, RenderedItem thread, string cardId, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string>>(cardId);

    public Task<Result<string>> SendReplyAsync(DeliveryKey delivery, RenderedItem reply, string threadId, CancellationToken cancellationToken) =>
        PostAsync(delivery, reply, threadId, cancellationToken);

    public async Task<Result<string>> EditAsync(DeliveryKey delivery, RenderedItem item, string platformId, string? threadId, CancellationToken cancellationToken)
    {
        var updated = await chat.UpdateAsync(Body(item).ToUpdate(delivery.Channel, platformId), cancellationToken);
        return updated.IsSuccess ? updated.Value.Ts : ToCore(updated.Problem);
    }

    public async Task<Result<string?>> FindUnrecordedAsync(DeliveryKey delivery, RenderedItem item, string? threadId, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        if (item.Key.Kind == ItemKind.Reply && threadId is null)
            return (string?)null; // a reply without its card cannot have been posted
        var found = await chat.FindPostedAsync(delivery.Channel, item.Key.Kind == ItemKind.Reply ? threadId : null, Body(item).Metadata, notBefore, cancellationToken);
        return found.IsSuccess ? found.Value : ToCore(found.Problem);
    }

    public string DescribeRequest(DeliveryKey delivery, RenderedItem item, string? parentId) =>
        JsonSerializer.Serialize(Body(item).ToPost(delivery.Channel, item.Key.Kind == ItemKind.Reply ? parentId : null), SlackJsonContext.Relaxed.ChatPostMessageRequest);

    private async Task<Result<string>> PostAsync(DeliveryKey delivery, RenderedItem item, string? threadTs, CancellationToken cancellationToken)
    {
        var posted = await chat.PostMessageAsync(Body(item).ToPost(delivery.Channel, threadTs), cancellationToken);
        return posted.IsSuccess ? posted.Value.Ts : ToCore(posted.Problem);
    }

    private static MessageBody Body(RenderedItem item) =>
        item is SlackItem slack ? slack.Body : throw new ArgumentException($"{item.Key} was not rendered for Slack ({item.GetType().Name}).", nameof(item));

    /// <summary>Slack's problems as the planner judges them: refused for good, or unavailable for now.</summary>
    private static Problem ToCore(Problem problem) => problem switch
    {
        SlackApiRefused refused => new PlatformRejected(SlackPlatform.Name, refused.Explained),
        SlackApiUnavailable unavailable => new PlatformUnavailable(SlackPlatform.Name, unavailable.Explained),
        _ => new PlatformUnavailable(SlackPlatform.Name, problem.Message),
    };
}
