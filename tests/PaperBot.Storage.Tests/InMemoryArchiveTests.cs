using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

/// <summary>The in-memory archive of the endpoint tests keeps the same contract as the real stores, so their answers cannot drift apart.</summary>
public sealed class InMemoryArchiveTests : ArchiveContract<InMemoryArchive>
{
    protected override Task<InMemoryArchive> CreateArchiveAsync() => Task.FromResult(new InMemoryArchive());
}
