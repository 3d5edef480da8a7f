using PaperBot.Core.Delivery;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Ports;
using PaperBot.Core.Queries;
using PaperBot.Discord.Interactions;
using PaperBot.Testing;
using PaperBot.Testing.Discord;

namespace PaperBot.Discord.Tests.Fakes;

/// <summary>The interactions endpoint hosted on a loopback port, wired as the host wires it, called with requests signed by a fresh key.</summary>
internal sealed class InteractionHost : IAsyncDisposable
{
    public const string ApplicationId = InteractionBodies.ApplicationId;

    private readonly LoopbackApp _app;
    private readonly DiscordSigner _signer;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    private InteractionHost(LoopbackApp app, DiscordSigner signer, TimeProvider time)
    {
        _app = app;
        _signer = signer;
        _time = time;
        _http = new HttpClient { BaseAddress = app.BaseAddress };
    }

    public IServiceProvider Services => _app.Services;

    /// <param name="publicKeyHex">The key the endpoint trusts; by default the public half of a key generated here. Null with <paramref name="configured"/> false: no Discord settings at all.</param>
    /// <param name="time">The bot's clock, which requests are signed by too; the real one by default.</param>
    public static async Task<InteractionHost> StartAsync(
        IEditionArchive archive,
        IDeliveryRecord? record = null,
        FakeDiscordApi? discord = null,
        string? publicKeyHex = null,
        bool configured = true,
        TimeSpan? deferAfter = null,
        TimeProvider? time = null,
        Dictionary<string, string?>? extraSettings = null,
        LogCapture? logs = null)
    {
        time ??= TimeProvider.System;
        var signer = new DiscordSigner();
        var settings = new Dictionary<string, string?>();
        if (configured)
        {
            settings["Discord:PublicKey"] = publicKeyHex ?? signer.PublicKeyHex;
            settings["Discord:ApplicationId"] = ApplicationId;
        }
        if (discord is not null)
            settings["Discord:ApiBaseUrl"] = discord.ApiBaseUrl;
        foreach (var (key, value) in extraSettings ?? [])
            settings[key] = value;

        var app = await LoopbackApp.StartAsync(
            web => web.MapDiscordInteractions(),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                if (logs is not null)
                    builder.Logging.AddProvider(logs);
                builder.Services.AddSingleton(archive);
                var delivered = record ?? (archive as InMemoryArchive)?.Record ?? new InMemoryDeliveryRecord();
                builder.Services.AddSingleton(delivered);
                builder.Services.AddSubscriptions(SubscriptionServices.StoreOf(delivered));
                builder.Services.AddSingleton<PapersService>();
                builder.Services.AddSingleton(time);
                if (deferAfter is { } defer)
                    builder.Services.AddSingleton(new InteractionTimings { DeferAfter = defer });
                builder.Services.AddPaperBotDiscord(builder.Configuration);
            });
        return new InteractionHost(app, signer, time);
    }

    /// <summary>Posts <paramref name="body"/> signed over timestamp + body, unless the caller supplies the headers.</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? signature = null, string? timestamp = null, bool sign = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "discord/interactions") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (sign)
        {
            timestamp ??= _time.GetUtcNow().ToUnixTimeSeconds().ToString();
            request.Headers.Add("X-Signature-Ed25519", signature ?? Sign(timestamp, body));
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }
        return await _http.SendAsync(request);
    }

    /// <summary>Posts a signed interaction that must be answered with 200 and a JSON body valid for Discord; returns that body.</summary>
    public async Task<JsonElement> AnswerAsync(string body)
    {
        using var response = await PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 200)
            throw new InvalidOperationException($"Expected 200, got {(int)response.StatusCode}: {text}");
        var json = JsonDocument.Parse(text).RootElement.Clone();
        var violations = DiscordOpenApi.Validate("create_interaction_response", json).Concat(DiscordLimitChecks.Check("create_interaction_response", json)).ToList();
        if (violations.Count > 0)
            throw new InvalidOperationException("The interaction response would be refused by Discord:\n" + string.Join('\n', violations) + "\n" + text);
        return json;
    }

    public string Sign(string timestamp, string body) => _signer.Sign(timestamp, body);

    /// <summary>Posts raw bytes (not necessarily UTF-8 or JSON), correctly signed now.</summary>
    public async Task<HttpResponseMessage> PostBytesAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        request.Headers.Add("X-Signature-Ed25519", _signer.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await _http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _signer.Dispose();
    }
}
