using PaperBot.Core.Results;

namespace PaperBot.Slack.WebApi;

/// <summary>Slack refused a call (<c>ok:false</c>) for a reason retrying will not fix; the message says what to do.</summary>
public sealed record SlackApiRefused(string Method, string Error)
    : Problem($"Slack refused {Method}: {Error}. {Advice(Error)}")
{
    private static string Advice(string error) => error switch
    {
        "channel_not_found" => "Check the channel id in Slack:Channels; the bot cannot see that channel.",
        "not_in_channel" => "Invite the bot to the channel (/invite @PaperBot) or grant it chat:write.public.",
        "is_archived" => "The channel is archived; unarchive it or remove it from Slack:Channels.",
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" =>
            "Check Slack:BotToken; it must be the app's current bot token (xoxb-…).",
        "missing_scope" => "Reinstall the app from the manifest so the bot has the chat:write scope.",
        "msg_too_long" or "invalid_blocks" or "invalid_blocks_format" or "msg_blocks_too_long" =>
            "This is a PaperBot bug; please report it with the edition date.",
        _ => "See Slack's documentation for that error code.",
    };
}

/// <summary>Slack stayed unavailable (rate limited or failing) after every retry.</summary>
public sealed record SlackApiUnavailable(string Method, string Detail)
    : Problem($"Slack did not accept {Method} after several tries ({Detail}). Run the command again later; nothing posted is repeated.");
