using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Slack.Options;
using PaperBot.Testing;
using Xunit;

namespace PaperBot.Slack.Tests;

public sealed class OptionsTests
{
    private static async Task<Exception?> StartWith(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        var archive = SampleEditions.Archive();
        builder.Services.AddSingleton<IEditionArchive>(archive);
        builder.Services.AddSingleton<IDeliveryRecord>(archive.Record);
        builder.Services.AddSingleton<PapersService>();
        builder.Services.AddPaperBotSlack(builder.Configuration);
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
            await host.StopAsync();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e;
        }
    }

    [Fact]
    public async Task A_configured_slack_without_a_signing_secret_refuses_to_start_and_names_the_setting()
    {
        var error = await StartWith(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:Channels:0"] = "C1" });
        Assert.NotNull(error);
        Assert.Contains("Slack:SigningSecret", error.Message);
        Assert.DoesNotContain("xoxb-1", error.Message);
    }

    [Fact]
    public async Task Channels_need_a_bot_token()
    {
        var error = await StartWith(new() { ["Slack:SigningSecret"] = "s", ["Slack:BotToken"] = "xoxp-fake.user", ["Slack:Channels"] = "C1,C2" });
        Assert.NotNull(error);
        Assert.Contains("Slack:BotToken", error.Message);
        Assert.DoesNotContain("xoxp-fake.user", error.Message);
    }

    [Theory]
    [InlineData("hooks.slack.com/")]
    [InlineData("/actions/")]
    [InlineData("ftp://hooks.slack.com/")]
    [InlineData("https://hooks.slack.com")]
    [InlineData("https://user@hooks.slack.com/")]
    [InlineData("")]
    public async Task A_prefix_that_is_not_an_absolute_http_url_ending_in_a_slash_refuses_to_start_naming_the_setting(string prefix)
    {
        var error = await StartWith(new()
        {
            ["Slack:SigningSecret"] = "s", ["Slack:AllowedResponseUrlPrefixes:0"] = "https://hooks.slack.com/", ["Slack:AllowedResponseUrlPrefixes:1"] = prefix,
        });

        Assert.NotNull(error);
        Assert.Contains("Slack:AllowedResponseUrlPrefixes:1", error.Message);
    }

    [Fact]
    public async Task No_slack_settings_at_all_starts_without_slack_channels()
    {
        Assert.Null(await StartWith([]));
    }

    [Fact]
    public void Comma_separated_channels_are_accepted_and_secrets_never_printed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "very-secret", ["Slack:BotToken"] = "xoxb-fake.secret", ["Slack:Channels"] = "C1, C2",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPaperBotSlack(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Assert.Equal(["C1", "C2"], options.Channels);
        Assert.DoesNotContain("very-secret", options.ToString());
        Assert.DoesNotContain("xoxb-fake.secret", options.ToString());
    }
}
