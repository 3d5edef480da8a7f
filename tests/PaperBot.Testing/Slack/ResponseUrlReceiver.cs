using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Slack;

/// <summary>Stands in for Slack's <c>response_url</c> (hooks.slack.com): records what is POSTed to it.</summary>
public sealed class ResponseUrlReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, string Authorization, JsonObject Body)> _received = new();
    private LoopbackApp? _app;

    public Uri UrlFor(string id) => new(_app!.BaseAddress, $"actions/T111/{id}/secret");

    /// <summary>What <c>Slack:AllowedResponseUrlPrefixes:0</c> is set to for the bot to follow <see cref="UrlFor"/>'s addresses.</summary>
    public string Prefix => new Uri(_app!.BaseAddress, "actions/").ToString();

    public IReadOnlyList<(string Path, string Authorization, JsonObject Body)> Received => _received.ToList();

    public static async Task<ResponseUrlReceiver> StartAsync()
    {
        var receiver = new ResponseUrlReceiver();
        receiver._app = await LoopbackApp.StartAsync(app => app.MapPost("/actions/{**rest}", async context =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            receiver._received.Enqueue((context.Request.Path.Value!, context.Request.Headers.Authorization.ToString(), body));
        }));
        return receiver;
    }

    public async Task<IReadOnlyList<(string Path, string Authorization, JsonObject Body)>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Received.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return Received;
    }

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
