using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Zeues.Core.Coordination.Redis;

/// <summary>
/// Leases as <c>SET key token NX PX ttl</c>, released by a Lua compare-and-delete so a stale or
/// foreign token can never release. When Redis is unreachable the node falls back to its in-process
/// lock (degraded: exclusion then holds within this node only). A running command renews its lease
/// with a Lua compare-and-expire, so only the token's owner can extend it.
/// </summary>
public sealed partial class RedisSpoolLocks(RedisConnection redis, InProcessSpoolLocks local, ILogger<RedisSpoolLocks> logger) : ISpoolLocks
{
    private const string LocalPrefix = "local:";

    private static readonly LuaScript CompareAndDelete = LuaScript.Prepare(
        "if redis.call('get', @key) == @token then return redis.call('del', @key) else return 0 end");

    private static readonly LuaScript CompareAndExpire = LuaScript.Prepare(
        "if redis.call('get', @key) == @token then return redis.call('pexpire', @key, @ttl) else return 0 end");

    public async Task<SpoolLease?> AcquireAsync(string tag, TimeSpan ttl, TimeSpan wait, CancellationToken ct = default)
    {
        if (!redis.IsConnected) return await LocalAsync(tag, ttl, wait, ct);
        var key = redis.Options.LockKey(tag);
        var token = Guid.NewGuid().ToString("N");
        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(10);
        var attempts = 0;
        try
        {
            var db = (await redis.GetAsync()).GetDatabase();
            while (true)
            {
                if (await db.StringSetAsync(key, token, ttl, When.NotExists))
                {
                    LogAcquire(key, "ok", attempts + 1, (long)waited.Elapsed.TotalMilliseconds);
                    return new SpoolLease(tag, token, key);
                }
                attempts++;
                if (waited.Elapsed >= wait)
                {
                    LogAcquire(key, "ocupado", attempts, (long)waited.Elapsed.TotalMilliseconds);
                    return null;
                }
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
            }
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            LogAcquire(key, "Redis no disponible, lease local", attempts + 1, (long)waited.Elapsed.TotalMilliseconds);
            return await LocalAsync(tag, ttl, wait - waited.Elapsed, ct);
        }
    }

    public async Task<LeaseRenewal> RenewAsync(SpoolLease lease, TimeSpan ttl)
    {
        if (lease.Key.StartsWith(LocalPrefix, StringComparison.Ordinal))
            return await local.RenewAsync(lease with { Key = lease.Key[LocalPrefix.Length..] }, ttl);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var db = (await redis.GetAsync()).GetDatabase();
            var renewed = (long)await db.ScriptEvaluateAsync(CompareAndExpire,
                new { key = (RedisKey)lease.Key, token = lease.Token, ttl = (long)ttl.TotalMilliseconds });
            LogRenew(lease.Key, renewed == 1 ? "ok" : "perdido", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return renewed == 1 ? LeaseRenewal.Renewed : LeaseRenewal.Lost;
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException or RedisServerException)
        {
            LogRenew(lease.Key, "Redis no disponible", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return LeaseRenewal.Unreachable;
        }
    }

    public async Task<bool> ReleaseAsync(SpoolLease lease)
    {
        if (lease.Key.StartsWith(LocalPrefix, StringComparison.Ordinal))
            return await local.ReleaseAsync(lease with { Key = lease.Key[LocalPrefix.Length..] });
        var started = Stopwatch.GetTimestamp();
        try
        {
            var db = (await redis.GetAsync()).GetDatabase();
            var deleted = (long)await db.ScriptEvaluateAsync(CompareAndDelete, new { key = (RedisKey)lease.Key, token = lease.Token });
            LogRelease(lease.Key, deleted == 1 ? "ok" : "ya no era nuestro", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return deleted == 1;
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // The lease expires by itself after its TTL.
            LogRelease(lease.Key, "Redis no disponible, expira sola", (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return false;
        }
    }

    private async Task<SpoolLease?> LocalAsync(string tag, TimeSpan ttl, TimeSpan wait, CancellationToken ct)
    {
        var lease = await local.AcquireAsync(tag, ttl, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, ct);
        return lease is null ? null : lease with { Key = LocalPrefix + lease.Key };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis SET NX {Key}: {Status} after {Attempts} attempts ({ElapsedMs} ms)")]
    private partial void LogAcquire(string key, string status, int attempts, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis compare-and-expire {Key}: {Status} ({ElapsedMs} ms)")]
    private partial void LogRenew(string key, string status, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis compare-and-delete {Key}: {Status} ({ElapsedMs} ms)")]
    private partial void LogRelease(string key, string status, long elapsedMs);
}
