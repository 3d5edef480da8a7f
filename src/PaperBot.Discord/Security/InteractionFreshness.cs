using System.Globalization;
using Microsoft.Extensions.Options;
using PaperBot.Discord.Options;

namespace PaperBot.Discord.Security;

/// <summary>
/// Refuses a correctly signed interaction whose <c>X-Signature-Timestamp</c> is further from now than
/// <c>Discord:MaxRequestAge</c> either way, so a captured request cannot be replayed later. Fails closed: a timestamp
/// that is not whole Unix seconds is never fresh.
/// </summary>
internal sealed class InteractionFreshness(IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly long _maxAgeSeconds = (long)options.Value.MaxRequestAge.TotalSeconds;

    public bool IsFresh(ReadOnlySpan<char> timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return age <= _maxAgeSeconds && age >= -_maxAgeSeconds;
    }
}
