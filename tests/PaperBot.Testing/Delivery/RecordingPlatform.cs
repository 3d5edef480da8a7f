using System.Text;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Testing;

/// <summary>
/// A platform in memory for planner and schedule tests: it renders each item as plain text, keeps what each channel shows
/// (in order, with edits applied), and fails on request. Real platforms are tested against their HTTP fakes.
/// </summary>
public sealed class RecordingPlatform(string platform = "discord", bool startsThreads = true, params string[] configuredChannels) : IDeliveryPlatform
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<PostedMessage>> _channels = [];
    private readonly List<string> _calls = [];
    private long _nextId = 1000;

    public string Platform => platform;

    public IReadOnlyList<string> ConfiguredChannels => configuredChannels;

    public bool StartsThreads => startsThreads;

    /// <summary>Answers the next call for an item of the channel with this problem instead (null channel: any), once per entry.</summary>
    public List<(string? Channel, ItemKey? Item, Problem Problem)> Failures { get; } = [];

    /// <summary>The item is created but the call then fails: what a 500 or a timeout after the platform acted looks like.</summary>
    public List<(string Channel, ItemKey Item)> FailAfterCreating { get; } = [];

    /// <summary>Called before each platform call; a test may block or cancel here.</summary>
    public Func<string, ItemKey, Task>? BeforeCall { get; set; }

    public IReadOnlyList<string> Calls
    {
        get { lock (_gate) return _calls.ToList(); }
    }

    public IReadOnlyList<PostedMessage> MessagesIn(string channel)
    {
        lock (_gate)
            return _channels.TryGetValue(channel, out var list) ? list.ToList() : [];
    }

    public IReadOnlyList<RenderedItem> Render(Edition edition)
    {
        var items = new List<RenderedItem> { Item(ItemKey.Header, $"Daily papers {edition.Date:yyyy-MM-dd}: {edition.Papers.Count} papers") };
        foreach (var paper in edition.Papers)
        {
            items.Add(Item(ItemKey.Card(paper.Rank), $"#{paper.Rank} {paper.Title}: {paper.Summary}"));
            if (startsThreads)
                items.Add(Item(ItemKey.Thread(paper.Rank), $"{paper.Rank}. {paper.Title}"));
            items.Add(Item(ItemKey.Reply(paper.Rank, 0), $"Abstract: {paper.Abstract}"));
            if (paper.KeyPoints.Count > 0)
                items.Add(Item(ItemKey.Reply(paper.Rank, 1), "Key points: " + string.Join("; ", paper.KeyPoints)));
        }
        return items;
    }

    public RenderedItem RenderWithdrawnCard(DateOnly date, int rank) => Item(ItemKey.Card(rank), $"#{rank} was withdrawn from the {date:yyyy-MM-dd} edition");

    public RenderedItem RenderRemovedReply(DateOnly date, ItemKey reply) => Item(reply, "(removed in a revision)");

    public Task<Result<string>> SendHeaderAsync(DeliveryKey delivery, RenderedItem header, CancellationToken cancellationToken) =>
        PostAsync(delivery, header, null, cancellationToken);

    public Task<Result<string>> SendCardAsync(DeliveryKey delivery, RenderedItem card, CancellationToken cancellationToken) =>
        PostAsync(delivery, card, null, cancellationToken);

    public async Task<Result<string>> StartThreadAsync(DeliveryKey delivery, RenderedItem thread, string cardId, CancellationToken cancellationToken)
    {
        var posted = await PostAsync(delivery, thread, cardId, cancellationToken);
        return posted.IsSuccess ? cardId : posted;
    }

    public Task<Result<string>> SendReplyAsync(DeliveryKey delivery, RenderedItem reply, string threadId, CancellationToken cancellationToken) =>
        PostAsync(delivery, reply, threadId, cancellationToken);

    public async Task<Result<string>> EditAsync(DeliveryKey delivery, RenderedItem item, string platformId, string? threadId, CancellationToken cancellationToken)
    {
        if (await FailureAsync(delivery, item, "edit", cancellationToken) is { } problem)
            return problem;
        lock (_gate)
        {
            var list = _channels.GetValueOrDefault(delivery.Channel) ?? [];
            var index = list.FindIndex(m => m.Id == platformId && m.Item == item.Key);
            if (index < 0)
                return new PlatformRejected(platform, $"unknown message {platformId}");
            list[index] = list[index] with { Text = ((TextItem)item).Text, Edits = list[index].Edits + 1 };
            return platformId;
        }
    }

    public Task<Result<string?>> FindUnrecordedAsync(DeliveryKey delivery, RenderedItem item, string? threadId, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add($"find {delivery.Channel} {item.Key}");
            var found = _channels.GetValueOrDefault(delivery.Channel)?.FirstOrDefault(m => m.Date == delivery.Date && m.Item == item.Key);
            return Task.FromResult<Result<string?>>(found?.Id);
        }
    }

    public string DescribeRequest(DeliveryKey delivery, RenderedItem item, string? parentId) =>
        $"{{\"channel\":\"{delivery.Channel}\",\"item\":\"{item.Key}\",\"parent\":\"{parentId}\",\"text\":\"{((TextItem)item).Text}\"}}";

    private async Task<Result<string>> PostAsync(DeliveryKey delivery, RenderedItem item, string? parentId, CancellationToken cancellationToken)
    {
        if (await FailureAsync(delivery, item, "send", cancellationToken) is { } problem)
            return problem;
        lock (_gate)
        {
            if (!_channels.TryGetValue(delivery.Channel, out var list))
                _channels[delivery.Channel] = list = [];
            var id = item.Key.Kind == ItemKind.Thread ? parentId! : (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new PostedMessage(id, delivery.Date, item.Key, parentId, ((TextItem)item).Text, 0));
            var after = FailAfterCreating.FindIndex(f => f.Channel == delivery.Channel && f.Item == item.Key);
            if (after >= 0)
            {
                FailAfterCreating.RemoveAt(after);
                return new PlatformUnavailable(platform, "timed out after the message was created");
            }
            return id;
        }
    }

    private async Task<Problem?> FailureAsync(DeliveryKey delivery, RenderedItem item, string call, CancellationToken cancellationToken)
    {
        if (BeforeCall is { } before)
            await before(delivery.Channel, item.Key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _calls.Add($"{call} {delivery.Channel} {item.Key}");
            var index = Failures.FindIndex(f => (f.Channel is null || f.Channel == delivery.Channel) && (f.Item is null || f.Item == item.Key));
            if (index < 0)
                return null;
            var problem = Failures[index].Problem;
            Failures.RemoveAt(index);
            return problem;
        }
    }

    private static TextItem Item(ItemKey key, string text) => new(key, ContentHash.Of(Encoding.UTF8.GetBytes(text)), text);

    private sealed record TextItem(ItemKey Key, string Hash, string Text) : RenderedItem(Key, Hash);
}

/// <summary>A message as a channel shows it.</summary>
public sealed record PostedMessage(string Id, DateOnly Date, ItemKey Item, string? ParentId, string Text, int Edits);
