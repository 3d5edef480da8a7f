using PaperBot.Core.Delivery;

namespace PaperBot.Storage.Serialization;

/// <summary>How states and times of day are written in the database: words a person reading the table understands.</summary>
internal static class StoredStates
{
    public const string TimeOfDayFormat = "HH:mm";

    public static string Text(DeliveryState state) => state switch
    {
        DeliveryState.InProgress => "in_progress",
        DeliveryState.Delivered => "delivered",
        DeliveryState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown delivery state."),
    };

    public static DeliveryState Delivery(string text) => text switch
    {
        "in_progress" => DeliveryState.InProgress,
        "delivered" => DeliveryState.Delivered,
        "failed" => DeliveryState.Failed,
        _ => throw new FormatException($"\"{text}\" is not a delivery state."),
    };

    public static ItemState Item(string text) => text switch
    {
        "claimed" => ItemState.Claimed,
        "sent" => ItemState.Sent,
        "failed" => ItemState.Failed,
        _ => throw new FormatException($"\"{text}\" is not an item state."),
    };
}
