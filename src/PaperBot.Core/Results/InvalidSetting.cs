namespace PaperBot.Core.Results;

/// <summary>A setting that cannot be used, named as the operator writes it (e.g. <c>Web:PublicUrl</c>).</summary>
public sealed record InvalidSetting(string Setting, string Reason) : Problem($"{Setting} {Reason}.");
