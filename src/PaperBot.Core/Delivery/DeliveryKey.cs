namespace PaperBot.Core.Delivery;

/// <summary>One edition in one channel of one platform: what a delivery is about, and the key of its record.</summary>
public sealed record DeliveryKey(string Platform, string Channel, DateOnly Date)
{
    public ChannelRef ChannelRef => new(Platform, Channel);

    public override string ToString() => $"{Platform} {Channel} {Date:yyyy-MM-dd}";
}

/// <summary>A channel of a platform, as subscriptions and the delivery record name it.</summary>
public sealed record ChannelRef(string Platform, string Channel)
{
    public override string ToString() => $"{Platform} {Channel}";
}
