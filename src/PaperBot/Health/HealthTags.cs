namespace PaperBot.Health;

/// <summary>The two questions the health checks answer: is the process alive (<c>/healthz</c>), is it ready for work (<c>/readyz</c>).</summary>
internal static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";

    /// <summary>The readiness checks' names, as they appear in <c>/readyz</c>.</summary>
    public const string Store = "store";
    public const string DigestFolder = "digestFolder";
    public const string InitialIngest = "initialIngest";
}
