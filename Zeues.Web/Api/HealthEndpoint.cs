using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Zeues.Web.Api;

/// <summary>GET /health: {status, checks: {name: {status, description, data}}}; 503 only when Unhealthy.</summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> WriteAsync(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return Results.Json(body, statusCode: report.Status == HealthStatus.Unhealthy ? 503 : 200);
    }
}
