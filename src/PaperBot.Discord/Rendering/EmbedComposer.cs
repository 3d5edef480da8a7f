using PaperBot.Core.Text;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// Builds one embed whose every text fits its own limit and, together, the 6000 characters Discord allows
/// per message: each piece is trimmed, then cut at a word boundary to what is left. Digest text is markdown there,
/// so a link in it that is not http(s) is made plain text first.
/// </summary>
internal sealed class EmbedComposer
{
    private const int SmallestUsefulFieldValue = 16;

    private readonly List<EmbedFieldPayload> _fields = [];
    private EmbedPayload _embed;
    private int _remaining = DiscordLimits.EmbedTotal;

    public EmbedComposer(int color) => _embed = new EmbedPayload { Color = color };

    public EmbedComposer Title(string title, string? url = null)
    {
        _embed = _embed with { Title = Fit(title, DiscordLimits.EmbedTitle), Url = Links.IsUsable(url, DiscordLimits.EmbedUrl) ? url : null };
        return this;
    }

    public EmbedComposer Description(string text)
    {
        _embed = _embed with { Description = Fit(text, DiscordLimits.EmbedDescription) };
        return this;
    }

    /// <summary>Adds a field when there is room for its name and some of its value; empty values are left out.</summary>
    public EmbedComposer Field(string name, string value, bool inline = false)
    {
        var trimmedName = name.Trim();
        if (value.Trim().Length == 0 || _fields.Count >= DiscordLimits.EmbedFields)
            return this;
        if (_remaining < trimmedName.Length + SmallestUsefulFieldValue)
            return this;
        var fittedName = Fit(trimmedName, DiscordLimits.FieldName)!;
        var fittedValue = Fit(value, DiscordLimits.FieldValue)!;
        _fields.Add(new EmbedFieldPayload(fittedName, fittedValue, inline ? true : null));
        return this;
    }

    public EmbedComposer Thumbnail(string? url)
    {
        _embed = _embed with { Thumbnail = Links.IsUsable(url, DiscordLimits.EmbedUrl) ? new EmbedImagePayload(url!) : null };
        return this;
    }

    public EmbedComposer Footer(string text)
    {
        var fitted = Fit(text, DiscordLimits.FooterText);
        _embed = _embed with { Footer = fitted is null ? null : new EmbedFooterPayload(fitted) };
        return this;
    }

    public EmbedPayload Build() => _fields.Count == 0 ? _embed : _embed with { Fields = [.. _fields] };

    private string? Fit(string text, int limit)
    {
        var trimmed = MarkdownLinks.OnlyHttp(text).Trim();
        var room = Math.Min(limit, _remaining);
        if (trimmed.Length == 0 || room < 1)
            return null;
        var fitted = TextLimits.Truncate(trimmed, room).Trim();
        _remaining -= fitted.Length;
        return fitted;
    }
}
