using PaperBot.Core.Commands;
using PaperBot.Core.Domain;
using PaperBot.Core.Results;
using PaperBot.Core.Text;

namespace PaperBot.Core.Rendering;

/// <summary>
/// Addresses on the archive page (<c>/editions/YYYY-MM-DD#paper-RANK</c>) under <c>Web:PublicUrl</c>, the address the
/// bot's web pages are reached at from outside. Without it, links point to the paper itself.
/// </summary>
public sealed class ArchiveLinks
{
    public const string SettingKey = "Web:PublicUrl";

    private readonly string? _base;

    private ArchiveLinks(Uri? publicUrl)
    {
        PublicUrl = publicUrl;
        _base = publicUrl?.AbsoluteUri.TrimEnd('/');
    }

    public static ArchiveLinks None { get; } = new(null);

    public Uri? PublicUrl { get; }

    /// <summary>No setting is <see cref="None"/>; a setting must be an absolute http(s) URL with a host and nothing after its path.</summary>
    public static Result<ArchiveLinks> Parse(string? publicUrl)
    {
        if (string.IsNullOrWhiteSpace(publicUrl))
            return None;
        var text = publicUrl.Trim();
        if (!SafeLinks.IsHttp(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 ||
            uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return new InvalidSetting(SettingKey, $"must be an absolute http(s) URL such as https://papers.example.org, without a query or fragment (got \"{text}\")");
        return new ArchiveLinks(uri);
    }

    /// <summary>The paper's place on its edition's archive page, or null without <c>Web:PublicUrl</c>.</summary>
    public string? PaperPage(DateOnly date, int rank) =>
        _base is null ? null : $"{_base}/editions/{EditionDates.ToText(date)}#paper-{rank.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>What a thread cut short at <see cref="ThreadLimits.MaxRepliesPerPaper"/> replies ends with.</summary>
    public Continuation ContinuationOf(DateOnly date, Paper paper)
    {
        if (PaperPage(date, paper.Rank) is { } page)
            return new Continuation("The rest is on the archive page:", page);
        return SafeLinks.IsHttp(paper.Url)
            ? new Continuation("The full text is on the archive page. The paper:", paper.Url)
            : new Continuation("The full text is on the archive page.", null);
    }
}

/// <summary>The last line of a thread cut short: its words and, when there is one, the http(s) link it gives.</summary>
public sealed record Continuation(string Text, string? Url);
