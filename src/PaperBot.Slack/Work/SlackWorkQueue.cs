using System.Threading.Channels;

namespace PaperBot.Slack.Work;

/// <summary>
/// The bounded queue between the endpoints (which must answer Slack within 3 s) and <see cref="SlackWorkProcessor"/>.
/// When it is full the endpoint says so instead of queueing without end.
/// </summary>
public sealed class SlackWorkQueue
{
    public const int Capacity = 512;

    private readonly Channel<ISlackWork> _channel = Channel.CreateBounded<ISlackWork>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    public bool TryEnqueue(ISlackWork work) => _channel.Writer.TryWrite(work);

    internal ChannelReader<ISlackWork> Reader => _channel.Reader;
}
