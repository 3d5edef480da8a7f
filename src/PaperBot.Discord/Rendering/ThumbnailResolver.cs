using PaperBot.Core.Domain;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// The embed thumbnail of a paper: the digest's own image resolved against <c>Digests:ImageBaseUrl</c> when that is set
/// (or already absolute), else Hugging Face's thumbnail of the paper.
/// </summary>
internal sealed class ThumbnailResolver
{
    public const string ImageBaseUrlKey = "Digests:ImageBaseUrl";

    private readonly Uri? _imageBase;

    public ThumbnailResolver(string? imageBaseUrl)
    {
        if (!string.IsNullOrWhiteSpace(imageBaseUrl) && Uri.TryCreate(imageBaseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
            _imageBase = baseUri;
    }

    public string? Resolve(Paper paper)
    {
        var image = paper.Thumbnail?.Trim();
        if (!string.IsNullOrEmpty(image))
        {
            if (Links.IsUsable(image, DiscordLimits.EmbedUrl))
                return image;
            if (_imageBase is not null && Uri.TryCreate(_imageBase, image.TrimStart('/'), out var resolved) &&
                Links.IsUsable(resolved.AbsoluteUri, DiscordLimits.EmbedUrl))
                return resolved.AbsoluteUri;
        }
        return Links.IsUsable(paper.HuggingFaceThumbnailUrl, DiscordLimits.EmbedUrl) ? paper.HuggingFaceThumbnailUrl : null;
    }
}
