using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Core.Results;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Options;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord;

/// <summary>What <c>register-commands</c> did: how many commands Discord now holds, globally or for one guild.</summary>
public sealed record CommandRegistration(int CommandCount, string? GuildId)
{
    public override string ToString() =>
        GuildId is null
            ? $"Registered {CommandCount} global command(s); Discord may take a while to show them everywhere."
            : $"Registered {CommandCount} command(s) in guild {GuildId}; they are usable now.";
}

/// <summary>Registers <c>/papers</c> with Discord by bulk overwrite, globally or for one guild.</summary>
public sealed class DiscordCommandRegistrar
{
    private readonly DiscordRestClient _discord;
    private readonly IOptions<DiscordOptions> _options;
    private readonly ILogger<DiscordCommandRegistrar> _logger;

    internal DiscordCommandRegistrar(DiscordRestClient discord, IOptions<DiscordOptions> options, ILogger<DiscordCommandRegistrar> logger)
    {
        _discord = discord;
        _options = options;
        _logger = logger;
    }

    public async Task<Result<CommandRegistration>> RegisterAsync(string? guildId, CancellationToken cancellationToken)
    {
        var applicationId = _options.Value.ApplicationId?.Trim();
        if (string.IsNullOrEmpty(applicationId))
            return new DiscordNotConfigured("Discord:ApplicationId", "register the commands");
        if (string.IsNullOrWhiteSpace(_options.Value.BotToken))
            return new DiscordNotConfigured("Discord:BotToken", "register the commands");
        var guild = string.IsNullOrWhiteSpace(guildId) ? null : guildId.Trim();

        var registered = await _discord.BulkOverwriteCommandsAsync(applicationId, guild, PapersCommandDefinition.Build(global: guild is null), cancellationToken);
        if (!registered.IsSuccess)
            return registered.Problem;
        var registration = new CommandRegistration(registered.Value.Count, guild);
        _logger.LogInformation("{Registration}", registration.ToString());
        return registration;
    }
}
