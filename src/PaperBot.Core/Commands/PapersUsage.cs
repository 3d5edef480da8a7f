namespace PaperBot.Core.Commands;

/// <summary>The one description of the command grammar, shown by <c>help</c> and with every bad command.</summary>
public static class PapersUsage
{
    public const string Short =
        "Usage: `/papers today` · `/papers day 2026-01-08` · `/papers points <paper> [date]` · " +
        "`/papers abstract <paper> [date]` · `/papers search <words>` · `/papers subscribe [HH:MM] [Area/City]` · `/papers help`";

    public const string Subscribe =
        "Usage: `/papers subscribe [HH:MM] [Area/City]` (for example `/papers subscribe 09:00 Asia/Seoul`) · `/papers unsubscribe` · `/papers status`";

    public const string Full =
        "*PaperBot* keeps the daily papers digest.\n" +
        "• `/papers today`: the latest edition (add `public` to show it to the channel)\n" +
        "• `/papers day <YYYY-MM-DD>`: the edition of that date (add `public` to show it to the channel)\n" +
        "• `/papers points <paper> [YYYY-MM-DD]`: a paper's key points\n" +
        "• `/papers abstract <paper> [YYYY-MM-DD]`: a paper's abstract\n" +
        "• `/papers search <words>`: search titles, summaries, abstracts and key points (Korean or English)\n" +
        "• `/papers subscribe [HH:MM] [Area/City]`: post each new edition in this channel at that local time (for example `09:00 Asia/Seoul`)\n" +
        "• `/papers unsubscribe`: stop the daily post in this channel · `/papers status`: this channel's subscription and deliveries\n" +
        "A `<paper>` is its rank in the edition (the latest one unless you give a date), an arXiv id such as `2601.02151`, or words of its title. " +
        "Inside a paper's thread, `points` and `abstract` need no paper.";
}
