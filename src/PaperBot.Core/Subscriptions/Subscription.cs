using PaperBot.Core.Delivery;

namespace PaperBot.Core.Subscriptions;

public enum SubscriptionOrigin
{
    /// <summary>Listed in the settings (<c>Discord:Channels</c>, <c>Slack:Channels</c>), at the schedule's default time.</summary>
    Configuration,

    /// <summary>Made in the channel with <c>/papers subscribe</c>; kept in the database, and it overrides the settings.</summary>
    Chat,
}

/// <summary>
/// A channel that gets each new edition at its own local time of day. <see cref="Since"/>: a subscription made in chat
/// is owed nothing from before it was made; one from the settings has always been there.
/// </summary>
public sealed record Subscription(ChannelRef Channel, TimeOnly TimeOfDay, TimeZoneInfo Zone, SubscriptionOrigin Origin, DateTimeOffset? Since)
{
    public string Describe() => $"{TimeOfDay:HH\\:mm} {Zone.Id}";
}

/// <summary>
/// A subscription as the database keeps it. <see cref="Active"/> false records an unsubscribe, which also hides a channel
/// the settings list, so that what people decide in chat survives restarts and is never overwritten by the settings.
/// </summary>
public sealed record StoredSubscription(ChannelRef Channel, bool Active, TimeOnly TimeOfDay, string TimeZone, DateTimeOffset ChangedAt, string? ChangedBy);
