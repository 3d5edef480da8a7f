using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Configuration;
using PaperBot.Discord.Options;
using PaperBot.Hosting;
using PaperBot.Slack.Options;

namespace PaperBot.Tests;

/// <summary>Settings are checked by one mechanism, the hand-written validators, whose messages name the setting.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData(typeof(DigestsOptions))]
    [InlineData(typeof(StorageOptions))]
    [InlineData(typeof(DiscordOptions))]
    [InlineData(typeof(SlackOptions))]
    public void No_options_class_declares_data_annotations_that_nothing_runs(Type options)
    {
        var annotated = options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes<ValidationAttribute>().Any())
            .Select(p => p.Name);

        Assert.Empty(annotated);
    }

    [Fact]
    public void Wrong_digest_settings_are_refused_with_one_message_naming_each_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digests:Path"] = " ",
            ["Digests:DebounceMilliseconds"] = "10",
        }).Build();
        using var services = new ServiceCollection().AddPaperBotArchive(configuration).BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DigestsOptions>>().Value);

        Assert.Collection(refused.Failures,
            path => Assert.StartsWith("Digests:Path ", path),
            debounce => Assert.StartsWith("Digests:DebounceMilliseconds ", debounce));
    }
}
