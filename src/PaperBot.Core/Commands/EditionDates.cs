using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PaperBot.Core.Commands;

/// <summary>The one date format people type and PaperBot prints: YYYY-MM-DD.</summary>
public static class EditionDates
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse([NotNullWhen(true)] string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Looks like a date (four digits, dash, ...) even if it is not a valid one, such as 2026-02-30.</summary>
    public static bool LooksLikeDate(string text) =>
        text.Length == 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-';

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The archive dates closest to <paramref name="wanted"/>, closest first.</summary>
    public static IReadOnlyList<DateOnly> Nearest(IReadOnlyList<DateOnly> dates, DateOnly wanted, int count) =>
        dates.OrderBy(d => Math.Abs(d.DayNumber - wanted.DayNumber)).ThenByDescending(d => d).Take(count).ToList();
}
