using Microsoft.Extensions.Options;
using PaperBot.Core.Rendering;

namespace PaperBot.Configuration;

/// <summary>The bot's web pages as seen from outside. Section <c>Web</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Where the archive pages are reached, such as https://papers.example.org; optional. Threads cut short link there.</summary>
    public string? PublicUrl { get; set; }
}

internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var links = ArchiveLinks.Parse(options.PublicUrl);
        return links.IsSuccess ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(links.Problem.Message);
    }
}
