using System.Collections.Concurrent;

namespace Zeues.Web.Admin;

/// <summary>The single-node <see cref="IAdminState"/>, and the fallback of the Redis one while Redis is away.</summary>
public sealed class InProcessAdminState(TimeProvider time) : IAdminState
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<long> CountAsync(string key, TimeSpan window)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var count = _entries.TryGetValue(key, out var e) && e.ExpiresAt > now ? e.Count + 1 : 1;
            _entries[key] = new Entry(count, now + window);
            return Task.FromResult(count);
        }
    }

    public Task PutAsync(string key, TimeSpan ttl)
    {
        _entries[key] = new Entry(1, time.GetUtcNow() + ttl);
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key) =>
        Task.FromResult(_entries.TryGetValue(key, out var e) && e.ExpiresAt > time.GetUtcNow());

    public Task<bool> TouchAsync(string key, TimeSpan ttl)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_entries.TryGetValue(key, out var e) || e.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
                return Task.FromResult(false);
            }
            _entries[key] = e with { ExpiresAt = now + ttl };
            return Task.FromResult(true);
        }
    }

    public Task RemoveAsync(params string[] keys)
    {
        foreach (var key in keys) _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private sealed record Entry(long Count, DateTimeOffset ExpiresAt);
}
