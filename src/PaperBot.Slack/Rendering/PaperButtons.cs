using PaperBot.Core.Commands;

namespace PaperBot.Slack.Rendering;

/// <summary>The buttons on a paper card: their action ids, and a value that names the paper as <c>DATE#RANK</c>.</summary>
public static class PaperButtons
{
    public const string KeyPointsAction = "paper_points";
    public const string AbstractAction = "paper_abstract";
    public const string OpenAction = "paper_open";
    public const string ActionsBlockId = "paper_actions";

    public static string Value(DateOnly date, int rank) => $"{EditionDates.ToText(date)}#{rank}";

    public static bool TryRead(string? value, out DateOnly date, out int rank)
    {
        date = default;
        rank = 0;
        var hash = value?.IndexOf('#') ?? -1;
        return hash > 0
            && EditionDates.TryParse(value![..hash], out date)
            && int.TryParse(value.AsSpan(hash + 1), out rank)
            && rank > 0;
    }
}
