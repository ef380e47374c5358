using StackExchange.Redis;
using Zeues.Core.Coordination.Redis;

namespace Zeues.Web.Admin;

/// <summary>
/// <see cref="IAdminState"/> in Redis, on the app's one multiplexer, so a login attempt or a logout on
/// one node counts on every node. While Redis is away, attempts are counted in this process
/// (degraded, like the leases) and an existing session is trusted as its cookie is.
/// </summary>
public sealed class RedisAdminState(RedisConnection redis, InProcessAdminState local, ILogger<RedisAdminState> logger) : IAdminState
{
    // The window restarts with every attempt: five in a row block for the window after the last one.
    private static readonly LuaScript Count = LuaScript.Prepare(
        "local n = redis.call('incr', @key) redis.call('pexpire', @key, @ms) return n");

    public async Task<long> CountAsync(string key, TimeSpan window)
    {
        try
        {
            var db = (await redis.GetAsync()).GetDatabase();
            return (long)await db.ScriptEvaluateAsync(Count, new { key = (RedisKey)Key(key), ms = (long)window.TotalMilliseconds });
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning("Redis no disponible: intentos de ingreso contados solo en este nodo ({Error})", ex.Message);
            return await local.CountAsync(key, window);
        }
    }

    public async Task PutAsync(string key, TimeSpan ttl)
    {
        try
        {
            await (await redis.GetAsync()).GetDatabase().StringSetAsync(Key(key), "1", ttl);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning("Redis no disponible: sesión de supervisor guardada solo en este nodo ({Error})", ex.Message);
            await local.PutAsync(key, ttl);
        }
    }

    public async Task<bool> ExistsAsync(string key)
    {
        try
        {
            return await (await redis.GetAsync()).GetDatabase().KeyExistsAsync(Key(key)) || await local.ExistsAsync(key);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning("Redis no disponible: la sesión de supervisor se acepta por su cookie ({Error})", ex.Message);
            return true;
        }
    }

    public async Task<bool> TouchAsync(string key, TimeSpan ttl)
    {
        try
        {
            return await (await redis.GetAsync()).GetDatabase().KeyExpireAsync(Key(key), ttl) || await local.TouchAsync(key, ttl);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // The cookie is still signed and unexpired; locking every supervisor out while Redis restarts would help no one.
            logger.LogWarning("Redis no disponible: la sesión de supervisor se acepta por su cookie ({Error})", ex.Message);
            return true;
        }
    }

    public async Task RemoveAsync(params string[] keys)
    {
        await local.RemoveAsync(keys);
        try
        {
            await (await redis.GetAsync()).GetDatabase().KeyDeleteAsync(keys.Select(k => (RedisKey)Key(k)).ToArray());
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning("Redis no disponible: no se pudo borrar {Keys} ({Error})", string.Join(", ", keys), ex.Message);
        }
    }

    private string Key(string key) => $"{redis.Options.Prefix}:admin:{key}";
}
