using System.Threading.Channels;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>An answer still being worked out after its interaction was deferred; it replaces the "thinking…" message when ready.</summary>
internal sealed record DeferredReply(string ApplicationId, string InteractionToken, Task<MessagePayload> Answer);

/// <summary>A bounded queue of deferred answers, drained by <see cref="DeferredReplyWorker"/>.</summary>
internal sealed class DeferredReplyQueue
{
    public const int Capacity = 512;

    private readonly Channel<DeferredReply> _channel = Channel.CreateBounded<DeferredReply>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue is full; the caller then answers at once instead of deferring.</summary>
    public bool TryEnqueue(DeferredReply reply) => _channel.Writer.TryWrite(reply);

    public ChannelReader<DeferredReply> Reader => _channel.Reader;
}
