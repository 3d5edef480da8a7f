using System.Reflection;
using PaperBot.Configuration;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Options;
using PaperBot.Slack.Options;

namespace PaperBot.Tests.Container;

/// <summary>
/// Whether an environment variable is a setting the bot reads: <c>Section__Key</c> (or <c>Section__Key__0</c>) must be a
/// property of the options class bound to that section; the framework's own ASPNETCORE_ and DOTNET_ variables pass.
/// </summary>
internal static class KnownSettings
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [DigestsOptions.Section] = typeof(DigestsOptions),
        [StorageOptions.Section] = typeof(StorageOptions),
        [DiscordOptions.SectionName] = typeof(DiscordOptions),
        [SlackOptions.SectionName] = typeof(SlackOptions),
        [ScheduleOptions.Section] = typeof(ScheduleOptions),
        [DeliveryOptions.Section] = typeof(DeliveryOptions),
        [WebOptions.Section] = typeof(WebOptions),
    };

    /// <returns>Null when the variable is known, else why not.</returns>
    public static string? Check(string variable)
    {
        if (variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || variable.StartsWith("DOTNET_", StringComparison.Ordinal))
            return null;
        var key = variable.Replace("__", ":", StringComparison.Ordinal).Split(':');
        if (key.Length < 2)
            return $"{variable} is not a Section__Key setting";
        if (!Sections.TryGetValue(key[0], out var options))
            return $"{variable}: the bot binds no section {key[0]} (known: {string.Join(", ", Sections.Keys)})";
        var property = options.GetProperty(key[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || !property.CanWrite)
            return $"{variable}: {options.Name} has no setting {key[1]}";
        if (key.Length > 2 && !(key.Length == 3 && int.TryParse(key[2], out _) && property.PropertyType.IsGenericType))
            return $"{variable}: {key[0]}:{key[1]} is not a list";
        return null;
    }
}
