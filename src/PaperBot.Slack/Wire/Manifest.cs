using System.Text.Json.Serialization;

namespace PaperBot.Slack.Wire;

/// <summary>The app manifest (schema v1), only the parts PaperBot fills in.</summary>
public sealed record AppManifest(
    [property: JsonPropertyName("_metadata")] ManifestMetadata Metadata,
    ManifestDisplayInformation DisplayInformation,
    ManifestFeatures Features,
    ManifestOAuthConfig OauthConfig,
    ManifestSettings Settings);

public sealed record ManifestMetadata(int MajorVersion, int MinorVersion);

public sealed record ManifestDisplayInformation(string Name, string Description, string BackgroundColor);

public sealed record ManifestFeatures(ManifestBotUser BotUser, IReadOnlyList<ManifestSlashCommand> SlashCommands);

public sealed record ManifestBotUser(string DisplayName, bool AlwaysOnline);

public sealed record ManifestSlashCommand(string Command, string Url, string Description, string UsageHint, bool ShouldEscape);

public sealed record ManifestOAuthConfig(ManifestScopes Scopes);

public sealed record ManifestScopes(IReadOnlyList<string> Bot);

public sealed record ManifestSettings(
    ManifestEventSubscriptions EventSubscriptions,
    ManifestInteractivity Interactivity,
    bool OrgDeployEnabled,
    bool SocketModeEnabled,
    bool TokenRotationEnabled);

public sealed record ManifestEventSubscriptions(string RequestUrl, IReadOnlyList<string> BotEvents);

public sealed record ManifestInteractivity(bool IsEnabled, string RequestUrl);
