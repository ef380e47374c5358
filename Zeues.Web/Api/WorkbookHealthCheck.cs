using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zeues.Core.Diagnostics;
using Zeues.Core.Queries;
using Zeues.Core.Workbook;

namespace Zeues.Web.Api;

/// <summary>
/// The workbook as this node last saw it: snapshot age, the last store read's result and the quota used.
/// It never reads the spreadsheet itself — a monitoring loop or open /admin tabs must not spend the
/// read budget the tablets need — except to join the very first snapshot load.
/// </summary>
public sealed class WorkbookHealthCheck(IWorkbook workbook, SnapshotCache cache, ZeuesMetrics metrics, IWorkbookBudget budget) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object> { ["store"] = workbook.Kind };
        if (cache.LastSuccessfulRead is { } read) data["lastSuccessfulRead"] = read;
        if (metrics.LastRead is { } last) data["lastRead"] = new { at = last.At, ok = last.Ok };
        if (cache.LastError is { } error) data["lastReadError"] = error;
        if (budget.Figures() is { } figures)
            data["budget"] = new { readsUsed = figures.ReadsUsed, readsLimit = figures.ReadsLimit, writesUsed = figures.WritesUsed, writesLimit = figures.WritesLimit };

        // Only the first load (single-flight, shared with every screen) is awaited; a node that already failed it waits for its own refresh.
        var snapshot = cache.Current;
        if (snapshot is null && cache.LastError is null)
        {
            try
            {
                snapshot = await cache.GetAsync(ct);
            }
            catch (Core.Domain.ZeuesException)
            {
                // Reported below from the cache's error.
            }
        }
        if (snapshot is null)
            return HealthCheckResult.Unhealthy("No se pudo leer la planilla.", data: data);
        data["spools"] = snapshot.Spools.Count;
        data["snapshotAgeSeconds"] = (int)(cache.Age ?? TimeSpan.Zero).TotalSeconds;
        if (metrics.LastRead is { Ok: false })
            return HealthCheckResult.Unhealthy("La última lectura de la planilla falló.", data: data);
        if (snapshot.Schema.FirstMissing is { } missing)
            return HealthCheckResult.Degraded($"Falta la columna \"{missing.Column}\" en la hoja {missing.Sheet}.", data: data);
        return HealthCheckResult.Healthy($"{workbook.Kind} disponible", data);
    }
}
