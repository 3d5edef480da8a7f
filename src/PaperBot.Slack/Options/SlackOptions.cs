namespace PaperBot.Slack.Options;

/// <summary>Configuration section <c>Slack</c>. Secrets come from the environment and are never printed.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api";
    public const string DefaultResponseUrlPrefix = "https://hooks.slack.com/";

    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app's signing secret; every request from Slack is verified with it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Where the Web API lives; tests point it at a fake.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Channel ids that receive the daily post.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>How long one Web API request may take before it counts as failed (and, for a post, is looked for before any retry).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// HTTP connections to the Web API at most. A thousand channels are delivered at once; their requests share these
    /// connections instead of opening a thousand.
    /// </summary>
    public int MaxConnections { get; set; } = 64;

    /// <summary>
    /// Where a <c>response_url</c> may point for PaperBot to follow it; empty means <see cref="DefaultResponseUrlPrefix"/>.
    /// Given prefixes replace the default rather than add to it.
    /// </summary>
    public List<string> AllowedResponseUrlPrefixes { get; set; } = [];

    public IReadOnlyList<string> EffectiveResponseUrlPrefixes =>
        AllowedResponseUrlPrefixes.Count == 0 ? [DefaultResponseUrlPrefix] : AllowedResponseUrlPrefixes;

    /// <summary>Any Slack setting given at all: then the signing secret is required.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(BotToken) || !string.IsNullOrWhiteSpace(SigningSecret) || Channels.Count > 0 ||
        !string.Equals(ApiBaseUrl, DefaultApiBaseUrl, StringComparison.Ordinal);

    public override string ToString() =>
        $"Slack {{ BotToken = {Redact(BotToken)}, SigningSecret = {Redact(SigningSecret)}, ApiBaseUrl = {ApiBaseUrl}, Channels = [{string.Join(", ", Channels)}], " +
        $"AllowedResponseUrlPrefixes = [{string.Join(", ", EffectiveResponseUrlPrefixes)}] }}";

    private static string Redact(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";
}
