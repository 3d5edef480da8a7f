using System.Diagnostics.CodeAnalysis;
using PaperBot.Core.Text;

namespace PaperBot.Discord.Rendering;

/// <summary>Small helpers for links inside Discord markdown.</summary>
internal static class Links
{
    /// <summary>An absolute http(s) address (<see cref="SafeLinks"/>) no longer than <paramref name="maxLength"/>, written as Discord accepts it.</summary>
    public static bool IsUsable([NotNullWhen(true)] string? url, int maxLength) =>
        url is not null && url.Length <= maxLength && SafeLinks.IsHttp(url) && Uri.IsWellFormedUriString(url, UriKind.Absolute);

    /// <summary>A masked link <c>[text](url)</c>, or the plain text when the url is unusable.</summary>
    public static string Masked(string text, string? url)
    {
        var label = text.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);
        return IsUsable(url, DiscordLimits.EmbedUrl) ? $"[{label}]({url})" : label;
    }
}
