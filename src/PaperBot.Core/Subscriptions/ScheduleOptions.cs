namespace PaperBot.Core.Subscriptions;

/// <summary>The <c>Schedule</c> settings: when configured channels get each edition, and how old an edition may be to still go out.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>Local time of day, 24-hour <c>HH:mm</c>.</summary>
    public string TimeOfDay { get; set; } = "09:00";

    /// <summary>IANA time zone name, such as <c>Asia/Seoul</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>An edition more than this many days older than a channel's local date is not posted there.</summary>
    public int MaxAgeDays { get; set; } = 2;
}

/// <summary>The schedule settings, parsed and checked.</summary>
public sealed record ScheduleDefaults(TimeOnly TimeOfDay, TimeZoneInfo Zone, int MaxAgeDays)
{
    /// <summary>The defaults, or what is wrong with each bad setting, named (<c>Schedule:TimeZone: 'Mars/Base' is not a time zone</c>).</summary>
    public static (ScheduleDefaults? Defaults, IReadOnlyList<string> Errors) From(ScheduleOptions options)
    {
        var errors = new List<string>();
        if (!LocalTimes.TryParseTimeOfDay(options.TimeOfDay, out var time))
            errors.Add($"{ScheduleOptions.Section}:{nameof(options.TimeOfDay)}: '{options.TimeOfDay}' is not a time of day; write it as HH:mm, 24-hour, such as 09:00.");
        if (!LocalTimes.TryFindZone(options.TimeZone, out var zone))
            errors.Add($"{ScheduleOptions.Section}:{nameof(options.TimeZone)}: '{options.TimeZone}' is not a time zone; use an IANA name such as Asia/Seoul or UTC.");
        if (options.MaxAgeDays is < 0 or > 366)
            errors.Add($"{ScheduleOptions.Section}:{nameof(options.MaxAgeDays)}: {options.MaxAgeDays} is out of range; use 0 to 366 days.");
        return errors.Count == 0 ? (new ScheduleDefaults(time, zone!, options.MaxAgeDays), errors) : (null, errors);
    }
}
