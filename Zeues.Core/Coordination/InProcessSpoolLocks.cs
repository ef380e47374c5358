using System.Diagnostics;
using System.Collections.Concurrent;

namespace Zeues.Core.Coordination;

/// <summary>Keyed async lock for a single node (the embedded default, and Redis's degraded fallback).</summary>
public sealed class InProcessSpoolLocks(TimeProvider time) : ISpoolLocks
{
    private sealed record Holder(string Token, DateTimeOffset Expires);

    private readonly ConcurrentDictionary<string, Holder> _held = new(StringComparer.OrdinalIgnoreCase);

    public async Task<SpoolLease?> AcquireAsync(string tag, TimeSpan ttl, TimeSpan wait, CancellationToken ct = default)
    {
        var key = tag.Trim().ToUpperInvariant();
        var token = Guid.NewGuid().ToString("N");
        // The wait is a technical timeout in real time; the lease expiry follows the plant clock.
        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var now = time.GetUtcNow();
            var mine = new Holder(token, now + ttl);
            if (_held.TryAdd(key, mine)) return new SpoolLease(tag, token, key);
            if (_held.TryGetValue(key, out var current) && current.Expires <= now && _held.TryUpdate(key, mine, current))
                return new SpoolLease(tag, token, key);
            if (waited.Elapsed >= wait) return null;
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 50));
        }
    }

    public Task<LeaseRenewal> RenewAsync(SpoolLease lease, TimeSpan ttl)
    {
        // An expired lease is lost even if nobody took it yet: like a Redis key that expired, it may have been taken and released meanwhile.
        while (_held.TryGetValue(lease.Key, out var current) && current.Token == lease.Token && current.Expires > time.GetUtcNow())
        {
            if (_held.TryUpdate(lease.Key, current with { Expires = time.GetUtcNow() + ttl }, current)) return Task.FromResult(LeaseRenewal.Renewed);
        }
        return Task.FromResult(LeaseRenewal.Lost);
    }

    public Task<bool> ReleaseAsync(SpoolLease lease) =>
        Task.FromResult(_held.TryGetValue(lease.Key, out var current) && current.Token == lease.Token
            && _held.TryRemove(new KeyValuePair<string, Holder>(lease.Key, current)));
}
