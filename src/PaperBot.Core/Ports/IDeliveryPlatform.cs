using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Results;

namespace PaperBot.Core.Ports;

/// <summary>
/// What the delivery planner needs of a platform: its rendering of an edition and a few primitives that each make one
/// platform call (with the platform client's own rate limiting and bounded retries) and return the platform's id or a
/// problem. Which items a channel is owed, in what order, and what is recorded, is the planner's business, not the platform's.
/// Failures are <see cref="PlatformRejected"/> (retrying will not help) or <see cref="PlatformUnavailable"/> (try later).
/// </summary>
public interface IDeliveryPlatform
{
    /// <summary>Short lower-case platform name, as recorded ("discord", "slack").</summary>
    string Platform { get; }

    /// <summary>The channels the configuration subscribes.</summary>
    IReadOnlyList<string> ConfiguredChannels { get; }

    /// <summary>True when papers start a thread of their own (Discord) rather than replies under the card (Slack).</summary>
    bool StartsThreads { get; }

    /// <summary>
    /// The header, then per paper its card, its thread (if <see cref="StartsThreads"/>) and the thread's replies, in posting
    /// order. Called once per edition and shared by every channel (see <see cref="RenderedEditions"/>).
    /// </summary>
    IReadOnlyList<RenderedItem> Render(Edition edition);

    /// <summary>What a card becomes when a revised digest drops its paper from the edition.</summary>
    RenderedItem RenderWithdrawnCard(DateOnly date, int rank);

    /// <summary>What a thread reply becomes when a revised digest no longer needs it.</summary>
    RenderedItem RenderRemovedReply(DateOnly date, ItemKey reply);

    Task<Result<string>> SendHeaderAsync(DeliveryKey delivery, RenderedItem header, CancellationToken cancellationToken);

    Task<Result<string>> SendCardAsync(DeliveryKey delivery, RenderedItem card, CancellationToken cancellationToken);

    /// <returns>The thread's id.</returns>
    Task<Result<string>> StartThreadAsync(DeliveryKey delivery, RenderedItem thread, string cardId, CancellationToken cancellationToken);

    /// <param name="threadId">The thread's id on Discord; the card's id (its <c>ts</c>) on Slack.</param>
    Task<Result<string>> SendReplyAsync(DeliveryKey delivery, RenderedItem reply, string threadId, CancellationToken cancellationToken);

    /// <summary>Replaces the content of an item already in the channel.</summary>
    /// <param name="threadId">For a reply, the thread it is in.</param>
    Task<Result<string>> EditAsync(DeliveryKey delivery, RenderedItem item, string platformId, string? threadId, CancellationToken cancellationToken);

    /// <summary>
    /// Looks in the channel for an item whose sending was never recorded (the sender stopped or timed out after the platform
    /// got it): its id, or null when it is not there. A platform whose sends are idempotent by themselves (Discord's
    /// enforced nonce) answers null.
    /// </summary>
    Task<Result<string?>> FindUnrecordedAsync(DeliveryKey delivery, RenderedItem item, string? threadId, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>The request body (JSON) that sending the item would send, for <c>post --dry-run</c> and the preview page.</summary>
    /// <param name="parentId">The card's or thread's id where the item needs one, or a placeholder when not known yet.</param>
    string DescribeRequest(DeliveryKey delivery, RenderedItem item, string? parentId);
}
