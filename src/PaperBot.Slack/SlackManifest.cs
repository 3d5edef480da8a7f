using System.Text.Json;
using PaperBot.Slack.Wire;

namespace PaperBot.Slack;

/// <summary>The Slack app manifest for PaperBot, to paste at api.slack.com/apps → "Create New App" → "From a manifest".</summary>
public static class SlackManifest
{
    /// <summary>
    /// Posting and the command need <c>chat:write</c>, <c>commands</c> and <c>app_mentions:read</c>; finding a post again by its
    /// metadata after a timeout or a crash reads the channel's history (<c>conversations.history</c> / <c>.replies</c>), which
    /// needs <c>channels:history</c> in public channels and <c>groups:history</c> in private ones.
    /// </summary>
    public static readonly IReadOnlyList<string> BotScopes = ["chat:write", "commands", "app_mentions:read", "channels:history", "groups:history"];

    /// <param name="publicUrl">Where PaperBot is reachable from Slack (https), e.g. https://paperbot.example.org.</param>
    public static string Build(Uri publicUrl)
    {
        ArgumentNullException.ThrowIfNull(publicUrl);
        if (!publicUrl.IsAbsoluteUri)
            throw new ArgumentException("The public URL must be absolute, such as https://paperbot.example.org.", nameof(publicUrl));
        var root = publicUrl.AbsoluteUri.TrimEnd('/');
        var manifest = new AppManifest(
            new ManifestMetadata(1, 1),
            new ManifestDisplayInformation("PaperBot", "Posts the daily research-paper digest and answers /papers.", "#1d3557"),
            new ManifestFeatures(
                new ManifestBotUser("paperbot", AlwaysOnline: true),
                [
                    new ManifestSlashCommand("/papers", root + SlackEndpointRouteBuilderExtensions.CommandsPath,
                        "Daily papers: today's edition, a day, key points, abstracts, search, this channel's daily post",
                        "[today | day YYYY-MM-DD | points <paper> [date] | abstract <paper> [date] | search <words> | subscribe [HH:MM] [Area/City] | unsubscribe | status | help]",
                        ShouldEscape: false),
                ]),
            new ManifestOAuthConfig(new ManifestScopes(BotScopes)),
            new ManifestSettings(
                new ManifestEventSubscriptions(root + SlackEndpointRouteBuilderExtensions.EventsPath, ["app_mention"]),
                new ManifestInteractivity(IsEnabled: true, root + SlackEndpointRouteBuilderExtensions.InteractionsPath),
                OrgDeployEnabled: false,
                SocketModeEnabled: false,
                TokenRotationEnabled: false));
        var options = new JsonSerializerOptions(SlackJsonContext.Relaxed.Options) { WriteIndented = true };
        return JsonSerializer.Serialize(manifest, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<AppManifest>)options.GetTypeInfo(typeof(AppManifest)));
    }
}
