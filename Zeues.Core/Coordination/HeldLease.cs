using System.Diagnostics;
using Zeues.Core.Workbook;

namespace Zeues.Core.Coordination;

/// <summary>
/// A spool lease held by a running command (DOMAIN 1.6: the lease fences the write). It is renewed,
/// token-checked, every third of its TTL while the command runs, and <see cref="CheckAsync"/> renews it
/// once more right before the batch is sent: a lease that was lost, or that the lock store cannot
/// confirm for at least the write margin, refuses the write before anything leaves the node. Times are
/// real (monotonic) time, as the lock store's TTLs are.
/// </summary>
public sealed class HeldLease : IWriteFence, IAsyncDisposable
{
    private readonly ISpoolLocks _locks;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _margin;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private long _validUntil;
    private volatile bool _lost;
    private bool _keep;

    /// <param name="requestedAt">Stopwatch timestamp taken before the lease was asked for: the earliest its TTL can have started.</param>
    public HeldLease(ISpoolLocks locks, SpoolLease lease, TimeSpan ttl, TimeSpan margin, long requestedAt)
    {
        _locks = locks;
        Lease = lease;
        _ttl = ttl;
        _margin = margin;
        _validUntil = requestedAt + ToTicks(ttl);
        _renewing = RenewLoopAsync(_stop.Token);
    }

    public SpoolLease Lease { get; }

    /// <summary>Time the lease is known to last from now (zero once lost).</summary>
    public TimeSpan Remaining => _lost ? TimeSpan.Zero : Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Interlocked.Read(ref _validUntil));

    /// <summary>Renews now; throws when the lease is lost or will not outlast the write margin.</summary>
    public async ValueTask CheckAsync(CancellationToken ct)
    {
        await RenewAsync();
        if (_lost) throw new WriteFencedException($"El lease de {Lease.Tag} ya no es de este comando.");
        if (Remaining < _margin)
            throw new WriteFencedException($"El lease de {Lease.Tag} vence en {Remaining.TotalMilliseconds:0} ms, menos que el margen de escritura.");
    }

    /// <summary>
    /// After a write whose outcome is unknown the lease is not released: it runs out by itself, so the
    /// spool stays closed to other commands while a late copy of the write can still land.
    /// </summary>
    public void KeepUntilExpiry() => _keep = true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _renewing;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
        if (!_keep && !_lost) await _locks.ReleaseAsync(Lease);
    }

    private async Task RenewLoopAsync(CancellationToken ct)
    {
        var every = _ttl / 3;
        while (!_lost)
        {
            await Task.Delay(every, ct);
            await RenewAsync();
        }
    }

    private async Task RenewAsync()
    {
        if (_lost) return;
        var sent = Stopwatch.GetTimestamp();
        LeaseRenewal renewal;
        try
        {
            renewal = await _locks.RenewAsync(Lease, _ttl);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever broke, the lease is only known to last until its last confirmed expiry.
            renewal = LeaseRenewal.Unreachable;
        }
        switch (renewal)
        {
            case LeaseRenewal.Renewed:
                // The new TTL started after the request left, so counting from 'sent' never overestimates it.
                InterlockedMax(ref _validUntil, sent + ToTicks(_ttl));
                break;
            case LeaseRenewal.Lost:
                _lost = true;
                break;
            case LeaseRenewal.Unreachable:
                // Keep the last known expiry: the key may still be ours, but only until then.
                break;
        }
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
