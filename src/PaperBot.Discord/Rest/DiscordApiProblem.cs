using PaperBot.Core.Results;

namespace PaperBot.Discord.Rest;

/// <summary>Discord refused a request (a 4xx other than 429), with its JSON error code and message.</summary>
public sealed record DiscordApiProblem(string Operation, int Status, int Code, string DiscordMessage)
    : Problem("Discord refused to " + Describe(Operation, Status, Code, DiscordMessage))
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int MissingAccess = 50001;
    public const int MissingPermissions = 50013;
    public const int ThreadAlreadyCreated = 160004;

    private static string Describe(string operation, int status, int code, string message)
    {
        var hint = code switch
        {
            MissingAccess or MissingPermissions =>
                " Give the bot View Channel, Send Messages, Create Public Threads and Send Messages in Threads in that channel.",
            UnknownChannel => " Check the channel id in Discord:Channels, and that the bot is in that server.",
            _ when status == 401 => " Check Discord:BotToken.",
            _ => "",
        };
        return $"{operation} ({status}, code {code}: {message}).{hint}";
    }

    /// <summary>What was refused and why, without the leading "Discord refused to".</summary>
    public string Reason => Describe(Operation, Status, Code, DiscordMessage);
}

/// <summary>Discord kept failing (5xx, timeouts, or rate limits) after every retry allowed.</summary>
public sealed record DiscordUnavailable(string Operation, string LastFailure)
    : Problem($"Discord did not answer when asked to {Operation} ({LastFailure}); try again later.");

/// <summary>A setting needed for this action is missing.</summary>
public sealed record DiscordNotConfigured(string Setting, string Purpose)
    : Problem($"{Setting} is not set; it is needed to {Purpose}.");
