using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PaperBot.Core.Commands;

/// <summary>
/// What the "Key points" and "Abstract" buttons under a posted paper ask for, carried in the button itself
/// (Discord's custom_id, Slack's value) as <c>papers:points:YYYY-MM-DD:RANK</c>: at most 31 characters.
/// </summary>
public static class PaperButton
{
    private const string Prefix = "papers";
    private const string PointsAction = "points";
    private const string AbstractAction = "abstract";

    public static string KeyPoints(DateOnly date, int rank) => Encode(PointsAction, date, rank);

    public static string Abstract(DateOnly date, int rank) => Encode(AbstractAction, date, rank);

    /// <summary>The command a pressed button stands for, or false for a value no PaperBot button carries.</summary>
    public static bool TryDecode(string? value, [NotNullWhen(true)] out PapersCommand? command)
    {
        command = null;
        var parts = value?.Split(':');
        if (parts is not { Length: 4 } || parts[0] != Prefix || !EditionDates.TryParse(parts[2], out var date)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1)
            return false;
        var paper = rank.ToString(CultureInfo.InvariantCulture);
        command = parts[1] switch
        {
            PointsAction => new PapersCommand.Points(paper, date),
            AbstractAction => new PapersCommand.Abstract(paper, date),
            _ => null,
        };
        return command is not null;
    }

    private static string Encode(string action, DateOnly date, int rank) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{action}:{EditionDates.ToText(date)}:{rank}");
}
