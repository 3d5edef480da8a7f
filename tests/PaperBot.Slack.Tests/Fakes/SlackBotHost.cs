using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Slack.WebApi;
using PaperBot.Slack.Work;
using PaperBot.Testing;
using PaperBot.Testing.Slack;

namespace PaperBot.Slack.Tests.Fakes;

/// <summary>PaperBot's Slack endpoints hosted the way the host composes them, on a loopback port, talking to a fake Slack.</summary>
public sealed class SlackBotHost : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Token = "xoxb-fake.test";

    /// <summary>The schedule's defaults in these tests: 09:00 UTC, editions up to two days old.</summary>
    public static readonly ScheduleDefaults Defaults = new(new TimeOnly(9, 0), TimeZoneInfo.Utc, 2);

    private LoopbackApp _app = null!;

    public FakeSlackApi Slack { get; private set; } = null!;

    public ResponseUrlReceiver ResponseUrls { get; private set; } = null!;

    public InMemoryArchive Archive { get; } = SampleEditions.Archive();

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    /// <param name="processWork">False: what the endpoints queue stays queued, for <see cref="TakeQueuedWork"/>.</param>
    public static async Task<SlackBotHost> StartAsync(
        Dictionary<string, string?>? settings = null, bool addSlack = true, Func<IEditionArchive, IEditionArchive>? wrapArchive = null,
        TimeProvider? time = null, bool processWork = true, LogCapture? logs = null)
    {
        var host = new SlackBotHost
        {
            Slack = await FakeSlackApi.StartAsync(),
            ResponseUrls = await ResponseUrlReceiver.StartAsync(),
        };
        var configuration = settings ?? new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = host.Slack.ApiBaseUrl.ToString(),
            ["Slack:AllowedResponseUrlPrefixes:0"] = host.ResponseUrls.Prefix,
        };
        host._app = await LoopbackApp.StartAsync(
            app => app.MapSlackEndpoints(),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration);
                if (logs is not null)
                    builder.Logging.AddProvider(logs);
                builder.Services.AddSingleton(wrapArchive?.Invoke(host.Archive) ?? host.Archive);
                builder.Services.AddSingleton<IDeliveryRecord>(host.Archive.Record);
                builder.Services.AddSingleton<PapersService>();
                builder.Services.AddSingleton<ISubscriptionStore>(host.Archive.Record);
                builder.Services.AddSingleton(Defaults);
                builder.Services.AddSingleton<SubscriptionDirectory>();
                builder.Services.AddSingleton<SubscriptionCommands>();
                builder.Services.AddSingleton(time ?? TimeProvider.System);
                builder.Services.AddSingleton<ISlackDelays, InstantDelays>();
                if (addSlack)
                    builder.Services.AddPaperBotSlack(builder.Configuration);
                if (!processWork)
                    builder.Services.RemoveAll<IHostedService>();
            });
        host.Client = new HttpClient { BaseAddress = host._app.BaseAddress };
        return host;
    }

    /// <summary>Everything the endpoints queued and no worker took (with <c>processWork: false</c>, all of it).</summary>
    public IReadOnlyList<ISlackWork> TakeQueuedWork()
    {
        var reader = Services.GetRequiredService<SlackWorkQueue>().Reader;
        var taken = new List<ISlackWork>();
        while (reader.TryRead(out var work))
            taken.Add(work);
        return taken;
    }

    /// <summary>Runs one piece of queued work as a worker would, in a scope of its own.</summary>
    public async Task RunAsync(ISlackWork work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work.RunAsync(scope.ServiceProvider, CancellationToken.None);
    }

    public Task<HttpResponseMessage> SendSignedAsync(string path, string body, string contentType, DateTimeOffset? at = null) =>
        Client.SendAsync(SlackSigner.Request(path, body, contentType, Secret, at));

    public Task<HttpResponseMessage> CommandAsync(string text, string? responseUrl = null) =>
        SendSignedAsync("/slack/commands", CommandBody(text, responseUrl ?? ResponseUrls.UrlFor("cmd").ToString()), "application/x-www-form-urlencoded");

    public static string CommandBody(string text, string responseUrl) => SlackBodies.Command(text, responseUrl);

    /// <summary><c>/papers text</c> used in <paramref name="channel"/>, answered at once: the reply's JSON.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> CommandReplyAsync(string text, string channel = SlackBodies.CommandChannel)
    {
        var response = await SendSignedAsync("/slack/commands", SlackBodies.Command(text, ResponseUrls.UrlFor("cmd").ToString(), channel), "application/x-www-form-urlencoded");
        response.EnsureSuccessStatusCode();
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Slack.DisposeAsync();
        await ResponseUrls.DisposeAsync();
    }
}
