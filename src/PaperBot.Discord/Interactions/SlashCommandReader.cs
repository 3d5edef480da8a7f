using PaperBot.Core.Commands;
using PaperBot.Core.Results;
using PaperBot.Discord.Wire;

namespace PaperBot.Discord.Interactions;

/// <summary>Turns the options of a <c>/papers &lt;subcommand&gt;</c> interaction into the platform-neutral command.</summary>
internal static class SlashCommandReader
{
    public const string CommandName = "papers";

    public static Result<PapersCommand> Read(InteractionDataPayload? data)
    {
        var subcommand = Subcommand(data);
        if (subcommand is null)
            return new BadCommand("That is not a `/papers` command I know.", PapersUsage.Short);

        var options = subcommand.Options;
        switch (subcommand.Name)
        {
            case "today":
                return new PapersCommand.Today(IsTrue(Value(options, "public")));
            case "day":
                var day = ReadDate(Value(options, "date"));
                if (!day.IsSuccess)
                    return day.Problem;
                return day.Value is { } date
                    ? new PapersCommand.Day(date, IsTrue(Value(options, "public")))
                    : new BadCommand("`day` needs a date, such as 2026-01-08.", PapersUsage.Short);
            case "points":
            case "abstract":
                var paperDate = ReadDate(Value(options, "date"));
                if (!paperDate.IsSuccess)
                    return paperDate.Problem;
                var paper = NullIfBlank(Value(options, "paper"));
                return subcommand.Name == "points"
                    ? new PapersCommand.Points(paper, paperDate.Value)
                    : new PapersCommand.Abstract(paper, paperDate.Value);
            case "search":
                var query = NullIfBlank(Value(options, "query"));
                return query is null
                    ? new BadCommand("`search` needs words to look for, such as `diffusion`.", PapersUsage.Short)
                    : new PapersCommand.Search(query.Trim());
            case "subscribe":
                return new PapersCommand.Subscribe(NullIfBlank(Value(options, "time"))?.Trim(), NullIfBlank(Value(options, "timezone"))?.Trim());
            case "unsubscribe":
                return new PapersCommand.Unsubscribe();
            case "status":
                return new PapersCommand.Status();
            case "help":
                return new PapersCommand.Help();
            default:
                return new BadCommand("That is not a `/papers` command I know.", PapersUsage.Short);
        }
    }

    /// <summary>The subcommand option of <c>/papers</c>, or null for any other command.</summary>
    public static InteractionOptionPayload? Subcommand(InteractionDataPayload? data)
    {
        if (data?.Name != CommandName || data.Options is not { Count: > 0 } options)
            return null;
        var first = options[0];
        return first.Type == CommandOptionType.Subcommand ? first : null;
    }

    public static string? Value(IReadOnlyList<InteractionOptionPayload>? options, string name)
    {
        if (options is null)
            return null;
        foreach (var option in options)
        {
            if (option.Name == name)
                return option.Value;
        }
        return null;
    }

    /// <summary>No date given is fine (null); a date given must be a valid YYYY-MM-DD.</summary>
    public static Result<DateOnly?> ReadDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (DateOnly?)null;
        if (EditionDates.TryParse(text, out var date))
            return (DateOnly?)date;
        var shown = text.Length <= 40 ? text.Replace("`", "'") : text[..40].Replace("`", "'") + "…";
        return new BadCommand($"`{shown}` is not a date; write dates as YYYY-MM-DD, such as 2026-01-08.", PapersUsage.Short);
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
