using Microsoft.Extensions.Logging;
using PaperBot.Core.Ports;

namespace PaperBot.Core.Delivery;

/// <summary>
/// Renews a delivery's lease at a third of its length while the delivery runs. When the lease turns out to be
/// another sender's (this one stalled past it), <see cref="Token"/> is cancelled so the delivery stops.
/// </summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly IDeliveryRecord _record;
    private readonly DeliveryKey _key;
    private readonly string _owner;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lease;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop;
    private readonly Task _renewals;

    public LeaseKeeper(IDeliveryRecord record, DeliveryKey key, string owner, TimeProvider time, TimeSpan lease, ILogger logger, CancellationToken cancellationToken)
    {
        _record = record;
        _key = key;
        _owner = owner;
        _time = time;
        _lease = lease;
        _logger = logger;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _renewals = RenewAsync();
    }

    public CancellationToken Token => _stop.Token;

    public bool LeaseLost { get; private set; }

    private async Task RenewAsync()
    {
        var period = _lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, _time, _stop.Token);
                var now = _time.GetUtcNow();
                bool held;
                try
                {
                    held = await _record.RenewLeaseAsync(_key, _owner, now, now + _lease, _stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be back before the lease runs out; if not, the next claim is refused and the delivery stops there.
                    _logger.LogWarning(e, "Renewing the delivery lease of {Delivery} failed", _key);
                    continue;
                }
                if (!held)
                {
                    LeaseLost = true;
                    await _stop.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await _stop.CancelAsync();
        await _renewals;
        _stop.Dispose();
    }
}
