using PaperBot.Hosting;

namespace PaperBot.Cli;

/// <summary>
/// <c>healthcheck [--url URL]</c>: asks the running bot's <c>/healthz</c>, for a container's HEALTHCHECK (the runtime
/// images have no curl). By default it asks where the same configuration makes the bot listen, on this machine.
/// </summary>
internal static class HealthcheckVerb
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(Uri? url, string[] hostArgs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var target = url ?? DefaultAddress(hostArgs);
        if (target is null)
        {
            error.WriteLine("healthcheck cannot tell where the bot listens (port 0 or no http address); give --url http://127.0.0.1:PORT.");
            return ExitCodes.Usage;
        }
        var healthz = new Uri(new Uri(target.ToString().TrimEnd('/') + "/"), "healthz");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(healthz, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                output.WriteLine($"healthy: {healthz} answered {(int)response.StatusCode}");
                return ExitCodes.Ok;
            }
            error.WriteLine($"unhealthy: {healthz} answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"unhealthy: {healthz} did not answer ({(e is TaskCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message)})");
        }
        return ExitCodes.Failed;
    }

    /// <summary>The first http address among those the bot's configuration (appsettings.json, ASPNETCORE_ variables, options) makes it listen on.</summary>
    private static Uri? DefaultAddress(string[] hostArgs)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        configuration.AddCommandLine(hostArgs);
        return ListenAddresses.From(configuration)
            .Select(address => ListenAddresses.ForLocalClient(address))
            .OfType<Uri>()
            .OrderBy(uri => uri.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault(uri => uri.Port != 0);
    }
}
