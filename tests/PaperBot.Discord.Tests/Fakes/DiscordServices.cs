using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Discord.Rest;
using PaperBot.Testing;
using PaperBot.Testing.Discord;

namespace PaperBot.Discord.Tests.Fakes;

/// <summary>The Discord services as the host composes them, pointed at the fake API, with short retry delays.</summary>
internal static class DiscordServices
{
    public const string ChannelA = "1100000000000000001";
    public const string ChannelB = "1100000000000000002";
    public const string BotToken = "test-bot-token.secret";

    public static ServiceProvider Build(FakeDiscordApi discord, InMemoryArchive archive, Dictionary<string, string?>? extra = null, params string[] channels) =>
        Build(discord, archive, null, extra, null, channels);

    public static ServiceProvider Build(FakeDiscordApi discord, InMemoryArchive archive, DiscordRestTimings? timings, Dictionary<string, string?>? extra = null,
        TimeProvider? time = null, params string[] channels)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = InteractionHost.ApplicationId,
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:BotToken"] = BotToken,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        };
        var list = channels.Length == 0 ? [ChannelA, ChannelB] : channels;
        for (var i = 0; i < list.Length; i++)
            settings[$"Discord:Channels:{i}"] = list[i];
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IEditionArchive>(archive);
        services.AddSingleton<IDeliveryRecord>(archive.Record);
        services.AddSingleton<PapersService>();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(timings ?? new DiscordRestTimings { BackoffBase = TimeSpan.FromMilliseconds(10), BackoffCap = TimeSpan.FromMilliseconds(40) });
        services.AddSubscriptions(archive.Record);
        services.AddPaperBotDiscord(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
