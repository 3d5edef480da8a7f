namespace PaperBot.Core.Domain;

/// <summary>Where an edition came from: the file and a hash of its bytes, so unchanged files are not parsed again.</summary>
public sealed record DigestSource(string Path, string ContentHash, DateTimeOffset IngestedAt);
