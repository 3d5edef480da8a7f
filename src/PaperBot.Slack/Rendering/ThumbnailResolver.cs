using PaperBot.Core.Domain;

namespace PaperBot.Slack.Rendering;

/// <summary>
/// The public address of a paper's thumbnail: the digest's image path resolved against
/// <c>Digests:ImageBaseUrl</c> when that is set, else Hugging Face's social thumbnail.
/// </summary>
public sealed class ThumbnailResolver(string? imageBaseUrl)
{
    public const string ConfigurationKey = "Digests:ImageBaseUrl";

    private readonly Uri? _base = Uri.TryCreate(EndWithSlash(imageBaseUrl), UriKind.Absolute, out var uri) ? uri : null;

    public string? Resolve(Paper paper)
    {
        if (paper.Thumbnail is { Length: > 0 } path)
        {
            if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http")
                return absolute.AbsoluteUri;
            if (_base is not null && Uri.TryCreate(_base, path.TrimStart('/'), out var resolved))
                return resolved.AbsoluteUri;
        }
        return paper.HuggingFaceThumbnailUrl;
    }

    private static string? EndWithSlash(string? url) =>
        string.IsNullOrWhiteSpace(url) ? null : url.EndsWith('/') ? url : url + "/";
}
