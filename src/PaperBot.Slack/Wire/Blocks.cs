using System.Text.Json.Serialization;

namespace PaperBot.Slack.Wire;

/// <summary>A Block Kit block as Slack reads it. Build them through <c>Rendering.BlockKit</c>, which enforces the limits.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
public abstract record Block
{
    public string? BlockId { get; init; }
}

public sealed record HeaderBlock(TextObject Text) : Block;

public sealed record SectionBlock(TextObject Text) : Block
{
    public BlockElement? Accessory { get; init; }
}

public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;

public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block;

public sealed record DividerBlock : Block;

/// <summary>A text object: <c>plain_text</c> (never parsed) or <c>mrkdwn</c>.</summary>
public sealed record TextObject(string Type, string Text)
{
    public bool? Emoji { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(ImageElement), "image")]
public abstract record BlockElement;

public sealed record ButtonElement(TextObject Text, string ActionId) : BlockElement
{
    public string? Value { get; init; }

    public string? Url { get; init; }

    public string? Style { get; init; }
}

public sealed record ImageElement(string ImageUrl, string AltText) : BlockElement;
