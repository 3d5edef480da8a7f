using PaperBot.Core.Results;

namespace PaperBot.Core.Delivery;

/// <summary>What one delivery attempt did in one channel.</summary>
public abstract record ChannelOutcome(DeliveryKey Key)
{
    /// <summary>Every item is in the channel. <see cref="Sent"/> and <see cref="Edited"/> count what this attempt did.</summary>
    public sealed record Delivered(DeliveryKey Key, int Sent, int Edited, TimeSpan Duration) : ChannelOutcome(Key)
    {
        public bool NothingToDo => Sent == 0 && Edited == 0;
    }

    /// <summary>The platform refused or failed; <see cref="RetryAt"/> is when it is tried again, null when it is not.</summary>
    public sealed record Failed(DeliveryKey Key, Problem Problem, int Sent, DateTimeOffset? RetryAt) : ChannelOutcome(Key);

    /// <summary>Another sender holds this delivery (another copy of the bot is on it).</summary>
    public sealed record Busy(DeliveryKey Key) : ChannelOutcome(Key);

    /// <summary>This sender's lease ran out midway and another took the delivery over; what was sent stays recorded.</summary>
    public sealed record LeaseLost(DeliveryKey Key, int Sent) : ChannelOutcome(Key);
}
