using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Hosting;
using PaperBot.Testing;

namespace PaperBot.Tests;

/// <summary>The whole bot, as <c>run</c> starts it, on a free loopback port with its own digest folder and database.</summary>
internal sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningBot(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<RunningBot> StartAsync(string digestFolder, string databaseFile, params string[] extraArguments) =>
        StartAsync(digestFolder, databaseFile, configure: null, extraArguments);

    /// <param name="configure">Changes to the host before it is built, such as a logger provider that keeps the lines.</param>
    public static async Task<RunningBot> StartAsync(string digestFolder, string databaseFile, Action<WebApplicationBuilder>? configure, params string[] extraArguments)
    {
        string[] arguments =
        [
            "--urls", "http://127.0.0.1:0",
            "--Digests:Path", digestFolder,
            "--Digests:DebounceMilliseconds", "100",
            "--Storage:ConnectionString", $"Data Source={databaseFile}",
            .. extraArguments,
        ];
        var app = PaperBotApp.Build(arguments, configure);
        await app.StartAsync();
        return new RunningBot(app, new HttpClient { BaseAddress = LoopbackApp.AddressOf(app), Timeout = TimeSpan.FromSeconds(10) });
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for at most <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Condition not met within {seconds} s.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
