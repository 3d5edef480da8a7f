namespace PaperBot.Core.Delivery;

public enum DeliveryState
{
    /// <summary>A sender holds (or held, if its lease has run out) the delivery and is posting its items.</summary>
    InProgress,

    /// <summary>Every item of the edition is in the channel.</summary>
    Delivered,

    /// <summary>The last attempt failed; <see cref="EditionDelivery.RetryAt"/> says when the next may start, if any.</summary>
    Failed,
}

/// <summary>
/// The record of one edition's delivery to one channel. A sender holds it through a lease (<see cref="Owner"/> until
/// <see cref="LeaseUntil"/>) while it posts, so two copies of the bot never work on the same channel and edition at once,
/// and a crashed sender's delivery is taken over once its lease runs out.
/// </summary>
public sealed record EditionDelivery(
    DeliveryKey Key,
    DeliveryState State,
    string? Owner,
    DateTimeOffset? LeaseUntil,
    int Attempts,
    string? LastError,
    bool Permanent,
    DateTimeOffset? RetryAt,
    string? EditionFingerprint,
    int ItemsSent,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Deliveries recorded before items were, whose content is unknown: complete, and never revised.</summary>
    public const string LegacyFingerprint = "legacy";

    public bool IsLeasedAt(DateTimeOffset now) => Owner is not null && LeaseUntil > now;

    /// <summary>Failed, but may be tried again (its retry time has come and attempts remain).</summary>
    public bool MayRetryAt(DateTimeOffset now, int maxAttempts) =>
        State == DeliveryState.Failed && !Permanent && Attempts < maxAttempts && (RetryAt is null || RetryAt <= now);
}

public enum ItemState
{
    /// <summary>A sender has claimed the item and may have sent it; the platform's id is not recorded yet.</summary>
    Claimed,

    /// <summary>The item is in the channel, with the platform's id.</summary>
    Sent,

    /// <summary>The platform refused the item; <see cref="ItemRecord.Error"/> says why.</summary>
    Failed,
}

/// <summary>
/// One item of a delivery as the record has it. <see cref="ContentHash"/> is the hash of what was sent, so a revised
/// digest edits only the items whose content changed.
/// </summary>
public sealed record ItemRecord(
    ItemKey Item,
    ItemState State,
    string? PlatformId,
    string? ContentHash,
    int Attempts,
    string? Error,
    DateTimeOffset UpdatedAt)
{
    public bool IsSent => State == ItemState.Sent && PlatformId is not null;
}

/// <summary>A paper's card in a channel, found by its message id (or its thread's, which on both platforms is the card's id).</summary>
public sealed record PostedPaper(string Platform, string Channel, DateOnly Date, int Rank);
