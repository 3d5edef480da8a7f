namespace PaperBot.Hosting;

/// <summary>
/// Where the web host listens, read from the settings Kestrel reads: <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>),
/// else <c>http_ports</c>/<c>https_ports</c> (<c>ASPNETCORE_HTTP_PORTS</c>, as the official images set), else PaperBot's default.
/// </summary>
public static class ListenAddresses
{
    public const string Default = "http://localhost:5000";

    public static bool AreConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"]) || !string.IsNullOrWhiteSpace(configuration["ASPNETCORE_URLS"]) ||
        !string.IsNullOrWhiteSpace(configuration["http_ports"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"]);

    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        var urls = configuration["urls"] is { Length: > 0 } given ? given : configuration["ASPNETCORE_URLS"];
        if (!string.IsNullOrWhiteSpace(urls))
            return Split(urls);
        var ports = Split(configuration["http_ports"]).Select(port => $"http://*:{port}")
            .Concat(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"))
            .ToList();
        return ports.Count > 0 ? ports : [Default];
    }

    /// <summary>The address a client on this machine uses for one the host listens on: any wildcard host becomes <paramref name="loopback"/>.</summary>
    public static Uri? ForLocalClient(string address, string loopback = "127.0.0.1")
    {
        var wildcard = address.Replace("://+", "://" + loopback, StringComparison.Ordinal)
            .Replace("://*", "://" + loopback, StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://" + loopback, StringComparison.Ordinal)
            .Replace("://[::]", "://" + loopback, StringComparison.Ordinal);
        return Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
