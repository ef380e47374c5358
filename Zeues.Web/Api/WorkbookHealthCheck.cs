using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zeues.Core.Queries;
using Zeues.Core.Workbook;

namespace Zeues.Web.Api;

/// <summary>Workbook reachable (a fresh header read) and its schema valid.</summary>
public sealed class WorkbookHealthCheck(IWorkbook workbook, SnapshotCache cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object> { ["store"] = workbook.Kind };
        if (cache.LastSuccessfulRead is { } read) data["lastSuccessfulRead"] = read;
        try
        {
            var snapshot = await cache.GetAsync(ct);
            data["spools"] = snapshot.Spools.Count;
            data["snapshotAgeSeconds"] = (int)(DateTimeOffset.UtcNow - snapshot.LoadedAt).TotalSeconds;
            if (snapshot.Schema.FirstMissing is { } missing)
                return HealthCheckResult.Degraded($"Falta la columna \"{missing.Column}\" en la hoja {missing.Sheet}.", data: data);
            await workbook.ReadAsync([Sheets.Trabajadores], ct);
            return HealthCheckResult.Healthy($"{workbook.Kind} disponible", data);
        }
        catch (Exception ex) when (ex is WorkbookUnavailableException or Core.Domain.ZeuesException)
        {
            return HealthCheckResult.Unhealthy("No se pudo leer la planilla.", data: data);
        }
    }
}
