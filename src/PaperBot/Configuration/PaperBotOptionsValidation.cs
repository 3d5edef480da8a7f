using Microsoft.Extensions.Options;
using PaperBot.Core.Files;
using PaperBot.Storage;

namespace PaperBot.Configuration;

/// <summary>Checks the settings at start and says which one is wrong and what would be right.</summary>
internal sealed class DigestsOptionsValidator : IValidateOptions<DigestsOptions>
{
    private const long MinMaxFileBytes = 1024;
    private const long MaxMaxFileBytes = 256 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, DigestsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
            failures.Add("Digests:Path is empty; set it to the folder the digests are written to.");
        if (!string.IsNullOrWhiteSpace(options.ImageBaseUrl)
            && !(Uri.TryCreate(options.ImageBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            failures.Add($"Digests:ImageBaseUrl must be an absolute http(s) URL, such as https://example.org/digests/ (got \"{options.ImageBaseUrl}\").");
        if (options.DebounceMilliseconds is < 50 or > 60_000)
            failures.Add("Digests:DebounceMilliseconds must be between 50 and 60000.");
        if (options.MaxFileBytes is < MinMaxFileBytes or > MaxMaxFileBytes)
            failures.Add($"Digests:MaxFileBytes must be between {MinMaxFileBytes} and {MaxMaxFileBytes} (got {options.MaxFileBytes}); " +
                         $"real digests are about 20 KB, and the default is {BoundedFile.DefaultMaxBytes} (4 MiB).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
            return ValidateOptionsResult.Fail("Storage:Provider must be Sqlite or Postgres.");
        if (options.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail(
                "Storage:ConnectionString is required with Storage:Provider=Postgres, such as \"Host=db;Database=paperbot;Username=paperbot;Password=…\".");
        return ValidateOptionsResult.Success;
    }
}
