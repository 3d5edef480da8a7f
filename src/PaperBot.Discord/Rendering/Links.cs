namespace PaperBot.Discord.Rendering;

/// <summary>Small helpers for links inside Discord markdown.</summary>
internal static class Links
{
    /// <summary>An absolute http(s) address no longer than <paramref name="maxLength"/>.</summary>
    public static bool IsUsable(string? url, int maxLength) =>
        url is not null && url.Length <= maxLength &&
        (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) &&
        Uri.IsWellFormedUriString(url, UriKind.Absolute);

    /// <summary>A masked link <c>[text](url)</c>, or the plain text when the url is unusable.</summary>
    public static string Masked(string text, string? url)
    {
        var label = text.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);
        return IsUsable(url, DiscordLimits.EmbedUrl) ? $"[{label}]({url})" : label;
    }
}
