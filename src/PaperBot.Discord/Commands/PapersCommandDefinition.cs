using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Commands;

/// <summary>The <c>/papers</c> slash command, as sent to Discord's bulk overwrite.</summary>
internal static class PapersCommandDefinition
{
    private const int GuildContext = 0;
    private const int GuildInstall = 0;

    /// <param name="global">Global commands say where they may be used; guild commands may not carry those fields.</param>
    public static IReadOnlyList<ApplicationCommandPayload> Build(bool global) =>
    [
        new ApplicationCommandPayload
        {
            Name = "papers",
            Description = "Today's research papers: key points, abstracts, past days and search",
            Contexts = global ? [GuildContext] : null,
            IntegrationTypes = global ? [GuildInstall] : null,
            Options =
            [
                Subcommand("today", "The latest edition's papers", Public()),
                Subcommand("day", "The papers of one day", Date("The day, YYYY-MM-DD", required: true), Public()),
                Subcommand("points", "A paper's key points", Paper(), Date("The day of the edition (default: the latest)", required: false)),
                Subcommand("abstract", "A paper's abstract", Paper(), Date("The day of the edition (default: the latest)", required: false)),
                Subcommand("search", "Search titles, summaries, abstracts and key points",
                    new CommandOptionPayload { Type = CommandOptionType.String, Name = "query", Description = "Words to look for (Korean or English)", Required = true, MaxLength = 200 }),
                Subcommand("subscribe", "Post each new edition in this channel daily at a local time (needs Manage Channels)",
                    new CommandOptionPayload
                    {
                        Type = CommandOptionType.String, Name = "time", Required = false, MaxLength = 5,
                        Description = "Local time of day, HH:MM 24-hour, such as 09:00 (default: the current or the bot's)",
                    },
                    new CommandOptionPayload
                    {
                        Type = CommandOptionType.String, Name = "timezone", Required = false, Autocomplete = true, MaxLength = 64,
                        Description = "Time zone as Area/City, such as Asia/Seoul (default: the current or the bot's)",
                    }),
                Subcommand("unsubscribe", "Stop posting each new edition in this channel (needs Manage Channels)"),
                Subcommand("status", "This channel's subscription, its next delivery and the last delivery error"),
                Subcommand("help", "How to use /papers"),
            ],
        },
    ];

    private static CommandOptionPayload Subcommand(string name, string description, params CommandOptionPayload[] options) =>
        new() { Type = CommandOptionType.Subcommand, Name = name, Description = description, Options = options.Length == 0 ? null : [.. options] };

    private static CommandOptionPayload Public() =>
        new() { Type = CommandOptionType.Boolean, Name = "public", Description = "Show the answer to the whole channel", Required = false };

    private static CommandOptionPayload Date(string description, bool required) =>
        new() { Type = CommandOptionType.String, Name = "date", Description = description, Required = required, Autocomplete = true, MaxLength = 10 };

    private static CommandOptionPayload Paper() =>
        new()
        {
            Type = CommandOptionType.String, Name = "paper", Required = false, Autocomplete = true, MaxLength = 200,
            Description = "Rank in the edition, arXiv id, or title words (inside a paper's thread: that paper)",
        };
}
