using PaperBot.Core.Text;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack.Rendering;

/// <summary>
/// The only way PaperBot makes blocks: every factory fits its input to Slack's limits, cutting text at a
/// word boundary with an ellipsis, or splitting it into several sections where the whole text matters.
/// Identifiers are PaperBot's own constants, so one that does not fit is a bug and throws.
/// </summary>
public static class BlockKit
{
    public static HeaderBlock Header(string plainText) =>
        new(PlainText(TextLimits.Truncate(OneLine(plainText), BlockKitLimits.HeaderText)));

    public static SectionBlock Section(string mrkdwn, BlockElement? accessory = null) =>
        new(Markdown(TextLimits.Truncate(NonEmpty(mrkdwn), BlockKitLimits.SectionText))) { Accessory = accessory };

    /// <summary>One section per piece, so all of <paramref name="mrkdwn"/> survives.</summary>
    public static IEnumerable<SectionBlock> Sections(string mrkdwn) =>
        TextLimits.Split(NonEmpty(mrkdwn), BlockKitLimits.SectionText).Select(piece => Section(piece));

    public static ContextBlock Context(IEnumerable<string> mrkdwnElements) =>
        new(mrkdwnElements.Where(e => e.Length > 0).Take(BlockKitLimits.ContextElements)
            .Select(e => Markdown(TextLimits.Truncate(e, BlockKitLimits.SectionText))).ToList());

    public static ActionsBlock Actions(string blockId, params BlockElement[] elements) =>
        new(elements) { BlockId = Identifier(blockId, BlockKitLimits.BlockId) };

    public static ButtonElement Button(string text, string actionId, string? value = null, string? url = null) =>
        new(PlainText(TextLimits.Truncate(OneLine(text), BlockKitLimits.ButtonText)), Identifier(actionId, BlockKitLimits.ActionId))
        {
            Value = value is null ? null : Identifier(value, BlockKitLimits.ButtonValue),
            Url = url is not null && url.Length <= BlockKitLimits.ButtonUrl && SafeLinks.IsHttp(url) ? url : null,
        };

    /// <summary>An image accessory, or null when the address would be refused.</summary>
    public static ImageElement? Image(string? url, string altText) =>
        url is null || url.Length > BlockKitLimits.ImageUrl || !SafeLinks.IsHttp(url)
            ? null
            : new ImageElement(url, TextLimits.Truncate(NonEmpty(OneLine(altText)), BlockKitLimits.AltText));

    /// <summary>
    /// The notification text from plain text: always set, never over the limit, and escaped, because Slack
    /// parses it too (a <c>&lt;!channel&gt;</c> there would notify everyone).
    /// </summary>
    public static string Fallback(string plainText) =>
        TextLimits.Truncate(Mrkdwn.Escape(NonEmpty(TextLimits.Collapse(plainText))), BlockKitLimits.FallbackText);

    /// <summary>Keeps at most 50 blocks; when some must go, the last kept one says so.</summary>
    public static IReadOnlyList<Block> Fit(IReadOnlyList<Block> blocks)
    {
        if (blocks.Count <= BlockKitLimits.BlocksPerMessage)
            return blocks;
        var kept = blocks.Take(BlockKitLimits.BlocksPerMessage - 1).ToList();
        kept.Add(Context(["…more than fits in one message."]));
        return kept;
    }

    private static TextObject PlainText(string text) => new("plain_text", NonEmpty(text)) { Emoji = true };

    private static TextObject Markdown(string text) => new("mrkdwn", text);

    private static string OneLine(string text) => TextLimits.Collapse(text);

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? "-" : text;

    private static string Identifier(string id, int limit) =>
        id.Length is > 0 && id.Length <= limit ? id : throw new ArgumentException($"Block Kit identifier of {id.Length} characters (limit {limit}).", nameof(id));
}
