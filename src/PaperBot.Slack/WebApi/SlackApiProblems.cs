using PaperBot.Core.Results;

namespace PaperBot.Slack.WebApi;

/// <summary>Slack refused a call (<c>ok:false</c>) for a reason retrying will not fix; the message says what to do.</summary>
public sealed record SlackApiRefused(string Method, string Error)
    : Problem($"Slack refused {Method}: {Error}. {Advise(Error)}")
{
    /// <summary>The error and what to do about it, for a problem that says "Slack" already.</summary>
    public string Explained => $"{Method}: {Error}. {Advise(Error)}";

    public static string Advise(string error) => error switch
    {
        "channel_not_found" => "Check the channel id (Slack:Channels or the subscription); the bot cannot see that channel.",
        "not_in_channel" => "Invite the bot to the channel (/invite @PaperBot) or grant it chat:write.public.",
        "is_archived" => "The channel is archived; unarchive it or remove it from the subscriptions.",
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" =>
            "Check Slack:BotToken; it must be the app's current bot token (xoxb-…).",
        "missing_scope" => "Reinstall the app from the manifest (paperbot slack-manifest) so the bot has every scope it needs: " +
                           "chat:write, commands, app_mentions:read, channels:history, groups:history.",
        "restricted_action" or "restricted_action_read_only_channel" or "restricted_action_thread_only_channel" or "restricted_action_non_threadable_channel" =>
            "The workspace does not let the bot post there; ask an admin or choose another channel.",
        "message_not_found" or "cant_update_message" or "edit_window_closed" =>
            "The message is gone or can no longer be edited; nothing else is changed.",
        "msg_too_long" or "invalid_blocks" or "invalid_blocks_format" or "msg_blocks_too_long" or "invalid_metadata_format" or "invalid_metadata_schema" =>
            "This is a PaperBot bug; please report it with the edition date.",
        _ => "See Slack's documentation for that error code.",
    };
}

/// <summary>Slack stayed unavailable (rate limited or failing) after every retry.</summary>
public sealed record SlackApiUnavailable(string Method, string Detail)
    : Problem($"Slack did not accept {Method} after several tries ({Detail}). Run the command again later; nothing posted is repeated.")
{
    public string Explained => $"{Method}: {Detail}";
}
