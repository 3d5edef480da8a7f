using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PaperBot.Core.Delivery;
using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Tests.Preview;

/// <summary>
/// Stand-ins for the Discord and Slack delivery platforms that describe an edition's items with request bodies of the real
/// platforms' shapes (a create-message body with an embed, buttons and a nonce, a start-thread body, the abstract in the
/// thread; chat.postMessage bodies with Block Kit and entity-escaped mrkdwn), for testing the page renderer on its own.
/// (The browser tests use the real platforms.) They never send anything.
/// </summary>
internal abstract class ShapedPlatform(string platform, bool startsThreads, params string[] channels) : IDeliveryPlatform
{
    public string Platform => platform;

    public IReadOnlyList<string> ConfiguredChannels => channels;

    public bool StartsThreads => startsThreads;

    public abstract IReadOnlyList<RenderedItem> Render(Edition edition);

    public RenderedItem RenderWithdrawnCard(DateOnly date, int rank) => Item(ItemKey.Card(rank), new JsonObject { ["content"] = "withdrawn" });

    public RenderedItem RenderRemovedReply(DateOnly date, ItemKey reply) => Item(reply, new JsonObject { ["content"] = "removed" });

    public Task<Result<string>> SendHeaderAsync(DeliveryKey delivery, RenderedItem header, CancellationToken cancellationToken) => Refuse();

    public Task<Result<string>> SendCardAsync(DeliveryKey delivery, RenderedItem card, CancellationToken cancellationToken) => Refuse();

    public Task<Result<string>> StartThreadAsync(DeliveryKey delivery, RenderedItem thread, string cardId, CancellationToken cancellationToken) => Refuse();

    public Task<Result<string>> SendReplyAsync(DeliveryKey delivery, RenderedItem reply, string threadId, CancellationToken cancellationToken) => Refuse();

    public Task<Result<string>> EditAsync(DeliveryKey delivery, RenderedItem item, string platformId, string? threadId, CancellationToken cancellationToken) => Refuse();

    public Task<Result<string?>> FindUnrecordedAsync(DeliveryKey delivery, RenderedItem item, string? threadId, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        Task.FromResult<Result<string?>>((string?)null);

    public string DescribeRequest(DeliveryKey delivery, RenderedItem item, string? parentId)
    {
        var body = (JsonObject)((BodyItem)item).Body.DeepClone();
        Describe(body, delivery, item.Key, parentId);
        return body.ToJsonString();
    }

    /// <summary>Adds what differs per channel (Discord's nonce, Slack's channel and thread).</summary>
    protected abstract void Describe(JsonObject body, DeliveryKey delivery, ItemKey item, string? parentId);

    protected static RenderedItem Item(ItemKey key, JsonObject body) =>
        new BodyItem(key, ContentHash.Of(Encoding.UTF8.GetBytes(body.ToJsonString())), body);

    protected static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private Task<Result<string>> Refuse() => Task.FromResult<Result<string>>(new PlatformRejected(platform, "a preview stand-in sends nothing"));

    private sealed record BodyItem(ItemKey Key, string Hash, JsonObject Body) : RenderedItem(Key, Hash);
}

internal sealed class DiscordShapedPlatform(params string[] channels) : ShapedPlatform("discord", true, channels)
{
    public override IReadOnlyList<RenderedItem> Render(Edition edition)
    {
        var date = edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var items = new List<RenderedItem>
        {
            Item(ItemKey.Header, new JsonObject { ["content"] = $"📰 **Daily papers · {date}** · {Number(edition.Papers.Count)} papers\nEach paper below has its own thread. `/papers help` lists the commands." }),
        };
        foreach (var paper in edition.Papers)
        {
            var fields = new JsonArray();
            if (paper.KeyPoints.Count > 0)
                fields.Add(new JsonObject { ["name"] = "Key points", ["value"] = string.Join('\n', paper.KeyPoints.Select(p => "• " + p)) });
            if (paper.Upvotes is { } upvotes)
                fields.Add(new JsonObject { ["name"] = "Upvotes", ["value"] = "▲ " + Number(upvotes), ["inline"] = true });
            fields.Add(new JsonObject { ["name"] = "Rank", ["value"] = "#" + Number(paper.Rank), ["inline"] = true });
            if (paper.ArxivId is { } arxiv)
                fields.Add(new JsonObject { ["name"] = "arXiv", ["value"] = $"[{arxiv}]({paper.ArxivAbsUrl})", ["inline"] = true });
            var embed = new JsonObject
            {
                ["title"] = $"{Number(paper.Rank)}. {paper.Title}",
                ["url"] = paper.Url,
                ["description"] = paper.Summary,
                ["color"] = 0x5865F2,
                ["fields"] = fields,
                ["footer"] = new JsonObject { ["text"] = $"#{Number(paper.Rank)} · {date}" },
            };
            if (paper.HuggingFaceThumbnailUrl is { } thumbnail)
                embed["thumbnail"] = new JsonObject { ["url"] = thumbnail };
            var buttons = new JsonArray
            {
                new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "Key points", ["custom_id"] = $"points:{date}:{Number(paper.Rank)}" },
                new JsonObject { ["type"] = 2, ["style"] = 2, ["label"] = "Abstract", ["custom_id"] = $"abstract:{date}:{Number(paper.Rank)}" },
                new JsonObject { ["type"] = 2, ["style"] = 5, ["label"] = "Paper", ["url"] = paper.Url },
            };
            items.Add(Item(ItemKey.Card(paper.Rank), new JsonObject
            {
                ["embeds"] = new JsonArray(embed),
                ["components"] = new JsonArray(new JsonObject { ["type"] = 1, ["components"] = buttons }),
                ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
            }));
            items.Add(Item(ItemKey.Thread(paper.Rank), new JsonObject { ["name"] = $"{Number(paper.Rank)}. {paper.Title}", ["auto_archive_duration"] = 10080 }));
            items.Add(Item(ItemKey.Reply(paper.Rank, 0), new JsonObject { ["content"] = "**Abstract**\n" + paper.Abstract }));
        }
        return items;
    }

    protected override void Describe(JsonObject body, DeliveryKey delivery, ItemKey item, string? parentId)
    {
        if (item.Kind == ItemKind.Thread)
            return;
        body["nonce"] = $"{delivery.Date.DayNumber % 1000}{item.Rank}{item.Index}";
        body["enforce_nonce"] = true;
    }
}

internal sealed class SlackShapedPlatform(params string[] channels) : ShapedPlatform("slack", false, channels)
{
    public override IReadOnlyList<RenderedItem> Render(Edition edition)
    {
        var date = edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var items = new List<RenderedItem>
        {
            Item(ItemKey.Header, Message($"Daily papers · {date}",
                Header($"📚 Daily papers · {date}"),
                Section($"{Number(edition.Papers.Count)} today. Each paper below has its own thread with the full abstract and key points."))),
        };
        foreach (var paper in edition.Papers)
        {
            var title = $"{Number(paper.Rank)}. {paper.Title}";
            var section = Section(Escape(paper.Summary));
            if (paper.HuggingFaceThumbnailUrl is { } thumbnail)
                section["accessory"] = new JsonObject { ["type"] = "image", ["image_url"] = thumbnail, ["alt_text"] = paper.Title };
            var facts = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"#{Number(paper.Rank)} · {date}" + (paper.Upvotes is { } up ? $" · ▲ {Number(up)}" : "") });
            items.Add(Item(ItemKey.Card(paper.Rank), Message(title,
                Header(title),
                section,
                new JsonObject { ["type"] = "context", ["elements"] = facts },
                new JsonObject
                {
                    ["type"] = "actions",
                    ["block_id"] = "paper_actions",
                    ["elements"] = new JsonArray(
                        Button("Key points", "paper_points", $"{date}:{Number(paper.Rank)}", null),
                        Button("Abstract", "paper_abstract", $"{date}:{Number(paper.Rank)}", null),
                        Button("Open paper", "paper_open", null, paper.Url)),
                })));
            items.Add(Item(ItemKey.Reply(paper.Rank, 0), Message($"Abstract of {title}", Section("*Abstract*\n" + Escape(paper.Abstract)))));
            if (paper.KeyPoints.Count > 0)
                items.Add(Item(ItemKey.Reply(paper.Rank, 1), Message($"Key points of {title}",
                    Section("*Key points*\n" + string.Join('\n', paper.KeyPoints.Select(p => "• " + Escape(p)))))));
        }
        return items;
    }

    protected override void Describe(JsonObject body, DeliveryKey delivery, ItemKey item, string? parentId)
    {
        body["channel"] = delivery.Channel;
        if (item.Kind == ItemKind.Reply)
            body["thread_ts"] = parentId;
        body["metadata"] = new JsonObject
        {
            ["event_type"] = "paperbot_item",
            ["event_payload"] = new JsonObject { ["date"] = delivery.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["item"] = item.Id },
        };
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static JsonObject Message(string text, params JsonObject[] blocks) => new()
    {
        ["text"] = Escape(text),
        ["blocks"] = new JsonArray(blocks.Select(b => (JsonNode)b).ToArray()),
        ["unfurl_links"] = false,
        ["unfurl_media"] = false,
    };

    private static JsonObject Header(string text) =>
        new() { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true } };

    private static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn } };

    private static JsonObject Button(string label, string action, string? value, string? url)
    {
        var button = new JsonObject { ["type"] = "button", ["action_id"] = action, ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label } };
        if (value is not null)
            button["value"] = value;
        if (url is not null)
            button["url"] = url;
        return button;
    }
}
