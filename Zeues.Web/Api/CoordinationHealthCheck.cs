using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zeues.Core.Coordination;
using Zeues.Core.Coordination.Redis;

namespace Zeues.Web.Api;

/// <summary>Redis: connected with its latency, Degraded with the reason (in-process mode), or not configured.</summary>
public sealed class CoordinationHealthCheck(CoordinationStatus status, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!status.RedisConfigured) return HealthCheckResult.Healthy("modo local (sin Redis configurado)");
        var data = new Dictionary<string, object> { ["mode"] = status.Degraded ? "local" : "redis" };
        if (status.Degraded || services.GetRequiredService<RedisConnection>() is not { IsConnected: true } redis)
            return HealthCheckResult.Degraded($"sin sincronización: {status.Reason ?? "Redis no disponible"}", data: data);
        try
        {
            var started = Stopwatch.GetTimestamp();
            await (await redis.GetAsync()).GetDatabase().PingAsync();
            data["latencyMs"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
            return HealthCheckResult.Healthy("Redis conectado", data);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("sin sincronización: Redis no responde", data: data);
        }
    }
}
