using System.Diagnostics;
using StackExchange.Redis;

namespace Zeues.Core.Coordination.Redis;

/// <summary>
/// Leases as <c>SET key token NX PX ttl</c>, released by a Lua compare-and-delete so a stale or
/// foreign token can never release. When Redis is unreachable the node falls back to its in-process
/// lock (degraded: exclusion then holds within this node only).
/// </summary>
public sealed class RedisSpoolLocks(RedisConnection redis, InProcessSpoolLocks local) : ISpoolLocks
{
    private const string LocalPrefix = "local:";

    private static readonly LuaScript CompareAndDelete = LuaScript.Prepare(
        "if redis.call('get', @key) == @token then return redis.call('del', @key) else return 0 end");

    public async Task<SpoolLease?> AcquireAsync(string tag, TimeSpan ttl, TimeSpan wait, CancellationToken ct = default)
    {
        if (!redis.IsConnected) return await LocalAsync(tag, ttl, wait, ct);
        var key = redis.Options.LockKey(tag);
        var token = Guid.NewGuid().ToString("N");
        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(10);
        try
        {
            var db = (await redis.GetAsync()).GetDatabase();
            while (true)
            {
                if (await db.StringSetAsync(key, token, ttl, When.NotExists)) return new SpoolLease(tag, token, key);
                if (waited.Elapsed >= wait) return null;
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
            }
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            return await LocalAsync(tag, ttl, wait - waited.Elapsed, ct);
        }
    }

    public async Task<bool> ReleaseAsync(SpoolLease lease)
    {
        if (lease.Key.StartsWith(LocalPrefix, StringComparison.Ordinal))
            return await local.ReleaseAsync(lease with { Key = lease.Key[LocalPrefix.Length..] });
        try
        {
            var db = (await redis.GetAsync()).GetDatabase();
            var deleted = (long)await db.ScriptEvaluateAsync(CompareAndDelete, new { key = (RedisKey)lease.Key, token = lease.Token });
            return deleted == 1;
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // The lease expires by itself after its TTL.
            return false;
        }
    }

    private async Task<SpoolLease?> LocalAsync(string tag, TimeSpan ttl, TimeSpan wait, CancellationToken ct)
    {
        var lease = await local.AcquireAsync(tag, ttl, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, ct);
        return lease is null ? null : lease with { Key = LocalPrefix + lease.Key };
    }
}
