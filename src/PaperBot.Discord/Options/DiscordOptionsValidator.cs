using Microsoft.Extensions.Options;

namespace PaperBot.Discord.Options;

/// <summary>
/// Refuses to start a half-configured Discord: each failure names the setting to fix, and never echoes a secret.
/// An unconfigured Discord is valid; its endpoint then rejects every request.
/// </summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestAge < TimeSpan.FromSeconds(1) || options.MaxRequestAge > DiscordOptions.LongestMaxRequestAge)
            failures.Add($"Discord:MaxRequestAge must be between 00:00:01 and {DiscordOptions.LongestMaxRequestAge:c} (default {DiscordOptions.DefaultMaxRequestAge:c}), not {options.MaxRequestAge:c}.");
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
            failures.Add($"Discord:RequestTimeout: {options.RequestTimeout} is out of range; use more than 0 and at most 00:05:00, such as 00:00:15.");
        if (!options.IsConfigured)
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        if (string.IsNullOrWhiteSpace(options.PublicKey))
            failures.Add("Discord:PublicKey is missing: set it to the application's public key (64 hex characters) from the Developer Portal.");
        else if (!IsHex(options.PublicKey.Trim(), 64))
            failures.Add("Discord:PublicKey is malformed: it must be exactly 64 hex characters, the application's public key from the Developer Portal.");

        if (options.Channels.Count > 0 && string.IsNullOrWhiteSpace(options.BotToken))
            failures.Add("Discord:BotToken is missing: posting to Discord:Channels needs the bot token.");
        if (!string.IsNullOrWhiteSpace(options.ApplicationId) && !IsSnowflake(options.ApplicationId.Trim()))
            failures.Add("Discord:ApplicationId is malformed: it must be the numeric application id.");
        foreach (var channel in options.Channels)
        {
            if (!IsSnowflake(channel.Trim()))
                failures.Add($"Discord:Channels holds \"{channel}\", which is not a numeric channel id.");
        }
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) address such as https://discord.com/api/v10.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsHex(string text, int length)
    {
        if (text.Length != length)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        return true;
    }

    internal static bool IsSnowflake(string text)
    {
        if (text.Length is 0 or > 20)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
