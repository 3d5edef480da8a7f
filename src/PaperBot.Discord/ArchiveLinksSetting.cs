using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PaperBot.Core.Rendering;

namespace PaperBot.Discord;

/// <summary>
/// <c>Web:PublicUrl</c> for the platform composed on its own; the host registers <see cref="ArchiveLinks"/> first, from its
/// options validated at start, and that registration wins.
/// </summary>
internal static class ArchiveLinksSetting
{
    public static ArchiveLinks Read(IConfiguration configuration)
    {
        var parsed = ArchiveLinks.Parse(configuration[ArchiveLinks.SettingKey]);
        return parsed.IsSuccess ? parsed.Value : throw new OptionsValidationException(ArchiveLinks.SettingKey, typeof(ArchiveLinks), [parsed.Problem.Message]);
    }
}
