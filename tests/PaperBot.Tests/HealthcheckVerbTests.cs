using System.Net;
using System.Net.Sockets;
using PaperBot.Testing;

namespace PaperBot.Tests;

/// <summary><c>healthcheck</c>, the container's HEALTHCHECK, against a running bot and against none.</summary>
public sealed class HealthcheckVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task It_exits_zero_when_the_bot_answers_healthz_at_the_given_url()
    {
        await using var bot = await StartBotAsync();

        var outcome = await BotProcess.RunAsync(_folder.Path, null, "healthcheck", "--url", bot.Client.BaseAddress!.ToString());

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("healthy", outcome.Output);
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://+:{0}")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{0}")]
    public async Task Without_a_url_it_asks_where_the_same_settings_make_the_bot_listen(string variable, string value)
    {
        await using var bot = await StartBotAsync();
        var port = bot.Client.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var outcome = await BotProcess.RunAsync(_folder.Path, new Dictionary<string, string> { [variable] = string.Format(System.Globalization.CultureInfo.InvariantCulture, value, port) }, "healthcheck");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains($"http://127.0.0.1:{port}/healthz", outcome.Output);
    }

    [Fact]
    public async Task It_exits_one_when_nothing_answers()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var outcome = await BotProcess.RunAsync(_folder.Path, null, "healthcheck", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"unhealthy: http://127.0.0.1:{port}/healthz did not answer", outcome.Error);
    }

    private Task<RunningBot> StartBotAsync()
    {
        var digests = _folder.CreateFolder("digests");
        File.Copy(SharedPaths.OriginalDigest, Path.Combine(digests, "daily.md"), overwrite: true);
        return RunningBot.StartAsync(digests, _folder.Combine("data", "archive.db"));
    }

    public void Dispose() => _folder.Dispose();
}
