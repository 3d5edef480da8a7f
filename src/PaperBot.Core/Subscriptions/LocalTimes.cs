using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PaperBot.Core.Subscriptions;

/// <summary>
/// Local times of day in IANA time zones. A time that a daylight-saving change skips (02:30 on the morning clocks go
/// forward) happens at the same distance after the change instead (03:30); a time that happens twice (when clocks go
/// back) happens the first time.
/// </summary>
public static class LocalTimes
{
    private static readonly Lazy<IReadOnlyList<string>> ZoneIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(IsIanaName).Order(StringComparer.Ordinal).ToList());

    /// <summary>Every IANA zone name this machine knows, sorted.</summary>
    public static IReadOnlyList<string> AllZoneIds => ZoneIds.Value;

    public static bool TryParseTimeOfDay(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryFindZone(string? name, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        var text = name?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 64 || !IsIanaName(text))
            return false;
        if (text.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }
        var canonical = AllZoneIds.FirstOrDefault(id => id.Equals(text, StringComparison.OrdinalIgnoreCase)) ?? text;
        return TimeZoneInfo.TryFindSystemTimeZoneById(canonical, out zone);
    }

    /// <summary>Zone names starting with (or, past the area, containing) what was typed, for autocomplete.</summary>
    public static IReadOnlyList<string> SuggestZones(string typed, int limit)
    {
        var text = typed.Trim();
        var starting = AllZoneIds.Where(id => id.StartsWith(text, StringComparison.OrdinalIgnoreCase));
        var containing = text.Length < 2 ? [] : AllZoneIds.Where(id => !id.StartsWith(text, StringComparison.OrdinalIgnoreCase) && id.Contains(text, StringComparison.OrdinalIgnoreCase));
        return starting.Concat(containing).Take(limit).ToList();
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static DateTimeOffset LocalDateTime(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The instant <paramref name="time"/> happens on <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
            offset = zone.GetUtcOffset(local.AddHours(-6)); // the offset before the skip moves the time past it
        else if (zone.IsAmbiguousTime(local))
            offset = zone.GetAmbiguousTimeOffsets(local).Max(); // the larger offset is the earlier instant
        else
            offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The latest time the slot happened at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LastAtOrBefore(DateTimeOffset now, TimeOnly time, TimeZoneInfo zone)
    {
        var today = LocalDate(now, zone);
        var slot = At(today, time, zone);
        return slot <= now ? slot : At(today.AddDays(-1), time, zone);
    }

    /// <summary>The next time the slot happens after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextAfter(DateTimeOffset now, TimeOnly time, TimeZoneInfo zone)
    {
        var today = LocalDate(now, zone);
        var slot = At(today, time, zone);
        return slot > now ? slot : At(today.AddDays(1), time, zone);
    }

    /// <summary>"in 3 h 5 min", "in 12 min", "in less than a minute".</summary>
    public static string Until(DateTimeOffset now, DateTimeOffset then)
    {
        var left = then - now;
        if (left < TimeSpan.FromMinutes(1))
            return left <= TimeSpan.Zero ? "now" : "in less than a minute";
        var minutes = (int)Math.Ceiling(left.TotalMinutes);
        var (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
        var parts = new List<string>(3);
        if (days > 0)
            parts.Add($"{days} d");
        if (hours > 0)
            parts.Add($"{hours} h");
        if (mins > 0 && days == 0)
            parts.Add($"{mins} min");
        return "in " + string.Join(' ', parts);
    }

    /// <summary>"Wed 2026-12-02 09:00 Asia/Seoul (UTC+09:00)".</summary>
    public static string Describe(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture,
            $"{local:ddd yyyy-MM-dd HH:mm} {zone.Id} (UTC{sign}{offset.Duration():hh\\:mm})");
    }

    // Area/City names, and UTC; not the POSIX-style leftovers (EST5EDT) nor Windows names.
    private static bool IsIanaName(string id) =>
        id == "UTC" || (id.Contains('/') && !id.StartsWith("posix/", StringComparison.Ordinal) &&
                        !id.StartsWith("right/", StringComparison.Ordinal) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'));
}
