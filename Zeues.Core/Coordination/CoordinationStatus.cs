using System.Diagnostics.Metrics;
using Zeues.Core.Diagnostics;

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

    /// <summary>Publishes this status as the node's zeues.redis.connected gauge (an alert on "sin sincronización").</summary>
    public CoordinationStatus ObservedBy(ZeuesMetrics metrics)
    {
        metrics.Meter.CreateObservableGauge("zeues.redis.connected", () => new Measurement<int>(
                RedisConfigured && !Degraded ? 1 : 0, new KeyValuePair<string, object?>("zeues.redis.configured", RedisConfigured)),
            description: "1 = coordinando por Redis; 0 = modo local (sin Redis o Redis caído)");
        return this;
    }

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
