namespace PaperBot.Tests.Observability;

/// <summary>
/// The meter is named "PaperBot" in every bot, and a metrics listener hears every meter of that name in the process:
/// tests that count run alone, so that no other test's bot moves their counters.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
