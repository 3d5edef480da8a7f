using PaperBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Discord.Options;
using Xunit;

namespace PaperBot.Discord.Tests;

public sealed class OptionsTests
{
    private const string ValidKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    [Theory]
    [InlineData(null, "Discord:PublicKey is missing")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511", "Discord:PublicKey is malformed")]
    [InlineData("not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex!", "Discord:PublicKey is malformed")]
    public void A_configured_Discord_without_a_usable_public_key_refuses_to_start_naming_the_setting(string? publicKey, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Discord:ApplicationId"] = "290926444748734465", ["Discord:PublicKey"] = publicKey }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Channels_without_a_bot_token_refuse_to_start_and_the_message_never_shows_a_secret()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Discord:PublicKey"] = ValidKey, ["Discord:Channels:0"] = "1100000000000000001" }));

        Assert.Contains("Discord:BotToken", error.Message);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    [InlineData("02:00:00")]
    public void A_max_request_age_that_is_not_between_a_second_and_an_hour_refuses_to_start_naming_the_setting(string age)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Discord:PublicKey"] = ValidKey, ["Discord:MaxRequestAge"] = age }));

        Assert.Contains("Discord:MaxRequestAge", error.Message);
    }

    [Fact]
    public void The_max_request_age_defaults_to_five_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Resolve(new() { ["Discord:PublicKey"] = ValidKey }).MaxRequestAge);
    }

    [Fact]
    public void Discord_left_unconfigured_is_valid_and_has_no_channels()
    {
        var options = Resolve([]);

        Assert.False(options.IsConfigured);
        Assert.Empty(options.Channels);
        Assert.Equal("https://discord.com/api/v10", options.ApiBaseUrl);
    }

    [Fact]
    public void Channels_may_be_one_comma_separated_value_and_the_token_never_appears_in_ToString()
    {
        var options = Resolve(new()
        {
            ["Discord:PublicKey"] = ValidKey, ["Discord:BotToken"] = "very.secret.token", ["Discord:Channels"] = "1100000000000000001, 1100000000000000002",
        });

        Assert.Equal(["1100000000000000001", "1100000000000000002"], options.Channels);
        Assert.DoesNotContain("very.secret.token", options.ToString());
        Assert.Contains("BotToken = (set)", options.ToString());
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_a_malformed_public_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PaperBot.Testing.LoopbackApp.StartAsync(
            app => app.MapDiscordInteractions(),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:PublicKey"] = "abc" });
                var archive = PaperBot.Testing.SampleEditions.Archive();
                builder.Services.AddSingleton<PaperBot.Core.Ports.IEditionArchive>(archive);
                builder.Services.AddSingleton<PaperBot.Core.Ports.IDeliveryRecord>(archive.Record);
                builder.Services.AddSingleton<PaperBot.Core.Queries.PapersService>();
                builder.Services.AddSubscriptions(archive.Record);
                builder.Services.AddPaperBotDiscord(builder.Configuration);
            }));

        Assert.Contains("Discord:PublicKey", error.Message);
    }

    private static DiscordOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddPaperBotDiscord(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DiscordOptions>>().Value;
    }
}
