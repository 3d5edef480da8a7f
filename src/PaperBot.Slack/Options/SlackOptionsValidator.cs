using Microsoft.Extensions.Options;
using PaperBot.Slack.Security;

namespace PaperBot.Slack.Options;

/// <summary>Refuses to start with a Slack configuration that could only fail later, naming the setting to fix.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedResponseUrlPrefixes.Count; i++)
        {
            if (!ResponseUrlPolicy.IsValidPrefix(options.AllowedResponseUrlPrefixes[i]))
                failures.Add($"Slack:AllowedResponseUrlPrefixes:{i} must be an absolute http(s) URL ending in '/', such as {SlackOptions.DefaultResponseUrlPrefix} (got \"{options.AllowedResponseUrlPrefixes[i]}\").");
        }
        if (!options.IsConfigured)
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        if (string.IsNullOrWhiteSpace(options.SigningSecret))
            failures.Add("Slack:SigningSecret is required once any Slack setting is given (set it from the app's Basic Information page, e.g. environment variable Slack__SigningSecret).");
        if (options.Channels.Count > 0 && !(options.BotToken ?? "").StartsWith("xoxb-", StringComparison.Ordinal))
            failures.Add("Slack:BotToken must be the bot token (xoxb-…) when Slack:Channels is set.");
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            failures.Add($"Slack:ApiBaseUrl must be an absolute http(s) address, not \"{options.ApiBaseUrl}\".");
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
            failures.Add($"Slack:RequestTimeout: {options.RequestTimeout} is out of range; use more than 0 and at most 00:05:00, such as 00:00:30.");
        if (options.MaxConnections is < 1 or > 1024)
            failures.Add($"Slack:MaxConnections: {options.MaxConnections} is out of range; use 1 to 1024.");
        if (options.Channels.Any(string.IsNullOrWhiteSpace))
            failures.Add("Slack:Channels must not contain empty channel ids.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
