using PaperBot.Core.Ports;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests.Delivery;

/// <summary>The reference record the planner and schedule tests use holds to the same contract as the databases.</summary>
public sealed class InMemoryDeliveryRecordTests : DeliveryRecordContract
{
    private readonly InMemoryDeliveryRecord _record = new();

    protected override IDeliveryRecord Record => _record;

    protected override ISubscriptionStore Subscriptions => _record;

    protected override int Racers => 8;

    protected override Task<IDeliveryRecord> OpenAnotherRecordAsync() => Task.FromResult<IDeliveryRecord>(_record);
}
