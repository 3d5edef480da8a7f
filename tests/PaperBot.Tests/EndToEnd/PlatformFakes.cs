using PaperBot.Testing.Discord;
using PaperBot.Testing.Slack;

namespace PaperBot.Tests.EndToEnd;

/// <summary>
/// Discord's and Slack's APIs as in-process fakes, with the settings that point the bot at them, given either as
/// command-line options (the in-process bot) or as environment variables (the bot as a process).
/// </summary>
internal sealed class PlatformFakes : IAsyncDisposable
{
    public const string DiscordApplicationId = InteractionBodies.ApplicationId;
    public const string DiscordBotToken = "e2e-discord-bot-token.DO-NOT-LEAK";
    public const string DiscordChannel = "1100000000000000001";
    public const string SlackSigningSecret = "e2e0slack0signing0secret0DO0NOT0LEAK";
    public const string SlackBotToken = "xoxb-fake.e2e.DO.NOT.LEAK";
    public const string SlackChannel = "C0PAPERS01";

    private PlatformFakes(FakeDiscordApi discord, FakeSlackApi slack, ResponseUrlReceiver responseUrls)
    {
        Discord = discord;
        Slack = slack;
        ResponseUrls = responseUrls;
    }

    public FakeDiscordApi Discord { get; }

    public FakeSlackApi Slack { get; }

    public ResponseUrlReceiver ResponseUrls { get; }

    /// <summary>Signs interactions; the bot trusts its public key.</summary>
    public DiscordSigner DiscordSigner { get; } = new();

    public static async Task<PlatformFakes> StartAsync() =>
        new(await FakeDiscordApi.StartAsync(), await FakeSlackApi.StartAsync(), await ResponseUrlReceiver.StartAsync());

    /// <summary>Every setting by its configuration key; <paramref name="overrides"/> replace or (with a null value) remove one.</summary>
    public Dictionary<string, string> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Discord:ApplicationId"] = DiscordApplicationId,
            ["Discord:PublicKey"] = DiscordSigner.PublicKeyHex,
            ["Discord:BotToken"] = DiscordBotToken,
            ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl,
            ["Discord:Channels:0"] = DiscordChannel,
            ["Slack:SigningSecret"] = SlackSigningSecret,
            ["Slack:BotToken"] = SlackBotToken,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.ToString(),
            ["Slack:Channels:0"] = SlackChannel,
            ["Slack:AllowedResponseUrlPrefixes:0"] = ResponseUrls.Prefix,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
                settings.Remove(key);
            else
                settings[key] = value;
        }
        return settings;
    }

    /// <summary>The settings as <c>--Section:Key value</c> options.</summary>
    public string[] Arguments(IReadOnlyDictionary<string, string?>? overrides = null) =>
        Settings(overrides).SelectMany(s => new[] { "--" + s.Key, s.Value }).ToArray();

    /// <summary>The settings as <c>Section__Key</c> environment variables, with the workspace's digests and database.</summary>
    public Dictionary<string, string> Environment(BotWorkspace workspace, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var environment = Settings(overrides).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["Digests__Path"] = workspace.Digests;
        environment["Storage__ConnectionString"] = $"Data Source={workspace.Database}";
        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        DiscordSigner.Dispose();
        await Discord.DisposeAsync();
        await Slack.DisposeAsync();
        await ResponseUrls.DisposeAsync();
    }
}
