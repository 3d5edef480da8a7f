using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaperBot.Slack.Options;

namespace PaperBot.Slack.Security;

/// <summary>
/// Which <c>response_url</c>s PaperBot follows: only those under one of <c>Slack:AllowedResponseUrlPrefixes</c>, so a
/// signed payload cannot make the bot POST wherever it likes (its own loopback port, an internal service). Both sides
/// are compared in the form <see cref="Uri"/> reads them, so case, default ports and dot segments cannot disguise a host.
/// A refused address is logged by its scheme and host only: its path is a capability.
/// </summary>
public sealed partial class ResponseUrlPolicy
{
    private readonly string[] _prefixes;
    private readonly ILogger<ResponseUrlPolicy> _logger;

    public ResponseUrlPolicy(IOptions<SlackOptions> options, ILogger<ResponseUrlPolicy> logger)
    {
        _prefixes = options.Value.EffectiveResponseUrlPrefixes.Select(p => new Uri(p, UriKind.Absolute).AbsoluteUri).ToArray();
        _logger = logger;
    }

    /// <summary>A prefix PaperBot can enforce: an absolute http(s) URL with a host and no user info, ending in '/' so the host cannot be extended.</summary>
    public static bool IsValidPrefix([NotNullWhen(true)] string? prefix) =>
        prefix is not null && prefix.EndsWith('/') && Uri.TryCreate(prefix, UriKind.Absolute, out var uri) &&
        uri.Scheme is "https" or "http" && uri.Host.Length > 0 && uri.UserInfo.Length == 0;

    /// <summary>The address to POST to, or false (and a log line) when it is not one PaperBot follows.</summary>
    public bool TryAccept(string? responseUrl, [NotNullWhen(true)] out Uri? accepted)
    {
        accepted = null;
        if (string.IsNullOrEmpty(responseUrl))
            return false;
        if (Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri) && Allows(uri))
        {
            accepted = uri;
            return true;
        }
        LogDropped(uri is null ? "(not an absolute URL)" : Origin(uri));
        return false;
    }

    public bool Allows(Uri url)
    {
        if (!url.IsAbsoluteUri || url.UserInfo.Length > 0)
            return false;
        var canonical = url.AbsoluteUri;
        foreach (var prefix in _prefixes)
        {
            if (canonical.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static string Origin(Uri uri) => uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a response_url outside Slack:AllowedResponseUrlPrefixes, at {Origin}")]
    private partial void LogDropped(string origin);
}
