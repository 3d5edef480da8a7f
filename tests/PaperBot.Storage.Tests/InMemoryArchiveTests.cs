using PaperBot.Core.Ports;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

/// <summary>
/// The in-memory archive and delivery record of the endpoint and schedule tests keep the same contract as the real stores,
/// so their answers cannot drift apart. "Another process" on it is the same record, as it would share one database.
/// </summary>
public sealed class InMemoryArchiveTests : ArchiveContract<InMemoryArchive>
{
    protected override IDeliveryRecord Record => Store.Record;

    protected override ISubscriptionStore Subscriptions => Store.Record;

    protected override int Racers => 8;

    protected override Task<InMemoryArchive> CreateArchiveAsync() => Task.FromResult(new InMemoryArchive());

    protected override Task<IDeliveryRecord> OpenAnotherRecordAsync() => Task.FromResult<IDeliveryRecord>(Store.Record);
}
