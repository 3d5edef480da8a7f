using PaperBot.Core.Domain;
using PaperBot.Core.Text;

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
            if (SafeLinks.IsHttp(path))
                return new Uri(path).AbsoluteUri;
            if (_base is not null && Uri.TryCreate(_base, path.TrimStart('/'), out var resolved) &&
                SafeLinks.IsHttp(resolved.AbsoluteUri))
                return resolved.AbsoluteUri;
        }
        return paper.HuggingFaceThumbnailUrl;
    }

    private static string? EndWithSlash(string? url) =>
        string.IsNullOrWhiteSpace(url) ? null : url.EndsWith('/') ? url : url + "/";
}
