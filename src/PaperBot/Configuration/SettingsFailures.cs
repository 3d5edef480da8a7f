using Microsoft.Extensions.Options;

namespace PaperBot.Configuration;

/// <summary>
/// The wrong settings behind a failed start. One wrong section throws its <see cref="OptionsValidationException"/>;
/// several are thrown together by the startup validator as an <see cref="AggregateException"/>.
/// </summary>
internal static class SettingsFailures
{
    /// <returns>Every failure message, or null when <paramref name="exception"/> is not about settings.</returns>
    public static IReadOnlyList<string>? From(Exception exception) => exception switch
    {
        OptionsValidationException one => one.Failures.ToList(),
        AggregateException many when many.Flatten().InnerExceptions.All(e => e is OptionsValidationException) =>
            many.Flatten().InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList(),
        _ => null,
    };
}
