using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PaperBot.Core.Commands;

namespace PaperBot.Discord.Rendering;

/// <summary>The custom_id of the "Key points" and "Abstract" buttons: what to answer, and for which paper (date and rank).</summary>
internal static class PaperButtonIds
{
    private const string Prefix = "papers";
    private const string PointsAction = "points";
    private const string AbstractAction = "abstract";

    public static string KeyPoints(DateOnly date, int rank) => Create(PointsAction, date, rank);

    public static string Abstract(DateOnly date, int rank) => Create(AbstractAction, date, rank);

    public static bool TryParse(string? customId, [NotNullWhen(true)] out PapersCommand? command)
    {
        command = null;
        var parts = customId?.Split(':');
        if (parts is not { Length: 4 } || parts[0] != Prefix || !EditionDates.TryParse(parts[2], out var date) ||
            !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var rank))
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

    private static string Create(string action, DateOnly date, int rank) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{action}:{EditionDates.ToText(date)}:{rank}");
}
