using PaperBot.Core.Results;

namespace PaperBot.Core.Commands;

/// <summary>
/// The typed form of <c>/papers</c> (Slack's command text, a mention in a thread):
/// <c>today [public]</c>, <c>day DATE [public]</c>, <c>points [PAPER] [DATE]</c>, <c>abstract [PAPER] [DATE]</c>,
/// <c>search WORDS</c>, <c>help</c>. Empty text means <c>today</c>.
/// </summary>
public static class PapersCommandText
{
    private const string PublicFlag = "public";

    /// <param name="unknownAsSearch">When the first word is no verb, search for the whole text instead of refusing (for questions asked in a thread).</param>
    public static Result<PapersCommand> Parse(string? text, bool unknownAsSearch = false)
    {
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return new PapersCommand.Today(Public: false);

        var verb = words[0].ToLowerInvariant();
        var rest = words[1..];
        switch (verb)
        {
            case "today" or "latest":
                return ParseListing(verb, rest, date: null);
            case "day" or "date":
                if (rest.Length == 0)
                    return new BadCommand("`day` needs a date, such as `day 2026-01-08`.", PapersUsage.Short);
                var day = ParseDate(rest[0]);
                return day.IsSuccess ? ParseListing(verb, rest[1..], day.Value) : day.Problem;
            case "points" or "point" or "keypoints" or "key-points" or "kp":
                return ParsePaperQuestion(rest, (paper, date) => new PapersCommand.Points(paper, date));
            case "abstract" or "abs":
                return ParsePaperQuestion(rest, (paper, date) => new PapersCommand.Abstract(paper, date));
            case "search" or "find":
                return rest.Length == 0
                    ? new BadCommand("`search` needs words to look for, such as `search diffusion`.", PapersUsage.Short)
                    : new PapersCommand.Search(string.Join(' ', rest));
            case "help" or "?":
                return new PapersCommand.Help();
            case "subscribe" or "sub":
                return ParseSubscribe(rest);
            case "unsubscribe" or "unsub":
                return rest.Length == 0
                    ? new PapersCommand.Unsubscribe()
                    : new BadCommand("`unsubscribe` takes nothing after it.", PapersUsage.Subscribe);
            case "status":
                return rest.Length == 0
                    ? new PapersCommand.Status()
                    : new BadCommand("`status` takes nothing after it.", PapersUsage.Subscribe);
        }

        if (EditionDates.LooksLikeDate(words[0]))
        {
            var bareDate = ParseDate(words[0]);
            return bareDate.IsSuccess ? ParseListing("day", rest, bareDate.Value) : bareDate.Problem;
        }
        return unknownAsSearch
            ? new PapersCommand.Search(string.Join(' ', words))
            : new BadCommand($"I don't know `{Shorten(words[0])}`.", PapersUsage.Short);
    }

    private static Result<PapersCommand> ParseListing(string verb, string[] rest, DateOnly? date)
    {
        var isPublic = false;
        foreach (var word in rest)
        {
            if (word.Equals(PublicFlag, StringComparison.OrdinalIgnoreCase))
                isPublic = true;
            else
                return new BadCommand($"`{verb}` takes only `public` after it, not `{Shorten(word)}`.", PapersUsage.Short);
        }
        return date is { } d ? new PapersCommand.Day(d, isPublic) : new PapersCommand.Today(isPublic);
    }

    private static Result<PapersCommand> ParsePaperQuestion(string[] rest, Func<string?, DateOnly?, PapersCommand> create)
    {
        DateOnly? date = null;
        if (rest.Length > 0 && EditionDates.LooksLikeDate(rest[^1]))
        {
            var parsed = ParseDate(rest[^1]);
            if (!parsed.IsSuccess)
                return parsed.Problem;
            date = parsed.Value;
            rest = rest[..^1];
        }
        var paper = rest.Length == 0 ? null : string.Join(' ', rest);
        return create(paper, date);
    }

    /// <summary><c>subscribe [HH:MM] [Area/City]</c>, in either order; the words are checked by the subscription itself.</summary>
    private static Result<PapersCommand> ParseSubscribe(string[] rest)
    {
        string? time = null;
        string? zone = null;
        foreach (var word in rest)
        {
            if (time is null && word.Length > 0 && char.IsAsciiDigit(word[0]))
                time = word;
            else if (zone is null && !char.IsAsciiDigit(word[0]))
                zone = word;
            else
                return new BadCommand($"`subscribe` takes a time and a time zone, not `{Shorten(word)}`.", PapersUsage.Subscribe);
        }
        return new PapersCommand.Subscribe(time, zone);
    }

    private static Result<DateOnly> ParseDate(string word) =>
        EditionDates.TryParse(word, out var date)
            ? date
            : new BadCommand($"`{Shorten(word)}` is not a date; write dates as YYYY-MM-DD, such as 2026-01-08.", PapersUsage.Short);

    private static string Shorten(string word) => word.Length <= 40 ? word.Replace("`", "'") : word[..40].Replace("`", "'") + "…";
}
