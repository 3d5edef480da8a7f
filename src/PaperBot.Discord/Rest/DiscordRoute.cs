namespace PaperBot.Discord.Rest;

/// <summary>
/// One REST call: its method and path, the route template Discord rate-limits on, the major parameter
/// (the top-level resource counted separately within a bucket), what it does in words, and whether it carries the bot token.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Path, string Template, string MajorParameter, string Operation, bool UsesBotToken)
{
    /// <summary>Where this route's limit is tracked until Discord names its bucket.</summary>
    public string RouteKey => $"{Template} {MajorParameter}";

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, $"channels/{channelId}/messages", "POST channels/:channel/messages", channelId,
            $"post a message in channel {channelId}", true);

    // The message id is no major parameter: every message of a channel shares the channel's edit bucket.
    public static DiscordRoute EditMessage(string channelId, string messageId) =>
        new(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}", "PATCH channels/:channel/messages/:message", channelId,
            $"edit message {messageId} in channel {channelId}", true);

    public static DiscordRoute StartThread(string channelId, string messageId) =>
        new(HttpMethod.Post, $"channels/{channelId}/messages/{messageId}/threads", "POST channels/:channel/messages/:message/threads", channelId,
            $"start a thread in channel {channelId}", true);

    /// <summary>Modify channel: a thread is a channel, so renaming one goes here.</summary>
    public static DiscordRoute ModifyChannel(string channelId) =>
        new(HttpMethod.Patch, $"channels/{channelId}", "PATCH channels/:channel", channelId,
            $"rename thread {channelId}", true);

    public static DiscordRoute BulkOverwriteCommands(string applicationId, string? guildId) =>
        guildId is null
            ? new(HttpMethod.Put, $"applications/{applicationId}/commands", "PUT applications/:app/commands", applicationId,
                "register the global commands", true)
            : new(HttpMethod.Put, $"applications/{applicationId}/guilds/{guildId}/commands", "PUT applications/:app/guilds/:guild/commands", guildId,
                $"register the commands of guild {guildId}", true);

    // Interaction webhooks need no bot token and are exempt from the global limit; their major parameter is id + token.
    public static DiscordRoute EditOriginalResponse(string applicationId, string interactionToken) =>
        new(HttpMethod.Patch, $"webhooks/{applicationId}/{interactionToken}/messages/@original", "PATCH webhooks/:app/:token/messages/@original",
            $"{applicationId}/{interactionToken}", "edit an interaction reply", false);

    /// <summary>The route without any interaction token, safe for logs.</summary>
    public override string ToString() => UsesBotToken ? $"{Method} {Path}" : Template;
}
