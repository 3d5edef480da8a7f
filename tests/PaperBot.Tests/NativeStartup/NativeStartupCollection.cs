namespace PaperBot.Tests.NativeStartup;

/// <summary>The container's event source is process-wide: a test that lists what a container closes runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeStartupCollection
{
    public const string Name = "Native start-up";
}
