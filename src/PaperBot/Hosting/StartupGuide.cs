using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PaperBot.Core.Commands;
using PaperBot.Core.Ports;
using PaperBot.Discord.Options;
using PaperBot.Ingest;
using PaperBot.Slack.Options;

namespace PaperBot.Hosting;

/// <summary>
/// Once the bot listens, tells whoever started it where to look (the archive page, an edition's preview) and, for each
/// platform not set up, the one line of what connects it. A first run on the defaults needs nothing else.
/// </summary>
internal sealed partial class StartupGuide(
    IServer server,
    IOptions<DiscordOptions> discord,
    IOptions<SlackOptions> slack,
    IngestStatus ingest,
    IEditionArchive archive,
    TimeProvider time,
    ILogger<StartupGuide> logger) : IHostedLifecycleService
{
    /// <summary>A first ingest that takes longer than this is not waited for just to say where its latest edition is.</summary>
    private static readonly TimeSpan FirstIngestPatience = TimeSpan.FromMinutes(2);

    private readonly CancellationTokenSource _stopping = new();
    private Task _latestPreview = Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is not null && ListenAddresses.ForLocalClient(address, "localhost") is { } home)
        {
            var root = home.ToString().TrimEnd('/');
            LogPages($"{root}/", $"{root}/editions/YYYY-MM-DD/preview");
            _latestPreview = LogLatestPreviewAsync(root, _stopping.Token);
        }
        if (!discord.Value.IsConfigured)
            LogDiscordNotConnected();
        if (!slack.Value.IsConfigured)
            LogSlackNotConnected();
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _latestPreview;
    }

    /// <summary>Once the first ingest is in, the address of the latest edition's preview: the page to open first.</summary>
    private async Task LogLatestPreviewAsync(string root, CancellationToken cancellationToken)
    {
        try
        {
            await ingest.InitialPassCompleted.WaitAsync(FirstIngestPatience, time, cancellationToken);
            if (await archive.GetLatestAsync(cancellationToken) is { } latest)
                LogLatestPreview(EditionDates.ToText(latest.Date), $"{root}/editions/{EditionDates.ToText(latest.Date)}/preview");
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The latest edition, {Date}, as Discord and Slack will show it: {PreviewUrl}")]
    private partial void LogLatestPreview(string date, string previewUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "PaperBot is up: the archive is at {ArchiveUrl}, an edition as Discord and Slack show it at {PreviewUrl}")]
    private partial void LogPages(string archiveUrl, string previewUrl);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Discord is not connected: set Discord__ApplicationId, Discord__PublicKey, Discord__BotToken and Discord__Channels__0, then run the register-commands verb (README: Connecting Discord)")]
    private partial void LogDiscordNotConnected();

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Slack is not connected: create the app from the slack-manifest verb's output (slack-manifest --public-url https://<your host>), then set Slack__SigningSecret, Slack__BotToken and Slack__Channels__0 (README: Connecting Slack)")]
    private partial void LogSlackNotConnected();
}
