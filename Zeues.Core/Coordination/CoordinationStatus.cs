namespace Zeues.Core.Coordination;

/// <summary>
/// Whether this node coordinates through Redis or has fallen back to in-process leases and events
/// ("sin sincronización"). Screens and health read it; it changes by itself when Redis comes back.
/// </summary>
public sealed class CoordinationStatus
{
    private readonly Lock _gate = new();

    public CoordinationStatus(bool redisConfigured)
    {
        RedisConfigured = redisConfigured;
        Degraded = redisConfigured;
        Reason = redisConfigured ? "conectando con Redis" : null;
    }

    public bool RedisConfigured { get; }

    public bool Degraded { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset? Since { get; private set; }

    public event Action<CoordinationStatus>? Changed;

    public void Set(bool degraded, string? reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (Degraded == degraded && Reason == reason) return;
            Degraded = degraded;
            Reason = reason;
            Since = at;
        }
        Changed?.Invoke(this);
    }
}
