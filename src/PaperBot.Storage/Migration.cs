namespace PaperBot.Storage;

/// <summary>One step of a schema's history. Applied once, in order, recorded in <c>schema_version</c>; never edit a released one, add the next.</summary>
internal sealed record Migration(int Version, string Sql);
