namespace PaperBot.Discord.Options;

/// <summary>The <c>Discord</c> configuration section. Secrets come from the environment and never appear in logs.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";
    public static readonly TimeSpan DefaultMaxRequestAge = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LongestMaxRequestAge = TimeSpan.FromHours(1);

    /// <summary>The application (client) id; needed to register commands.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key, 64 hex characters, that signs every interaction request.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The bot token (without the "Bot " prefix); needed to post and to register commands.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>How far a signed interaction's timestamp may be from now, either way, before it is refused as a replay.</summary>
    public TimeSpan MaxRequestAge { get; set; } = DefaultMaxRequestAge;

    /// <summary>
    /// How long one REST request may take before it counts as failed and is retried (a message that timed out is re-sent
    /// with its nonce, so Discord returns the one it may have created).
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Channel ids that receive each edition.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>True when any Discord setting was given, i.e. the operator meant to run Discord.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ApplicationId) || !string.IsNullOrWhiteSpace(PublicKey) ||
        !string.IsNullOrWhiteSpace(BotToken) || Channels.Count > 0;

    public override string ToString() =>
        $"Discord {{ ApplicationId = {ApplicationId ?? "(none)"}, PublicKey = {PublicKey ?? "(none)"}, " +
        $"BotToken = {(string.IsNullOrEmpty(BotToken) ? "(none)" : "(set)")}, ApiBaseUrl = {ApiBaseUrl}, MaxRequestAge = {MaxRequestAge}, Channels = [{string.Join(", ", Channels)}] }}";
}
