using Zeues.Core.Domain;
using Zeues.Core.Queries;

namespace Zeues.Web.Api;

/// <summary>CSV and Excel downloads of the board and of a worker's day (the plant lives in spreadsheets).</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapZeuesExports(this IEndpointRouteBuilder app)
    {
        // Key or supervisor session, like the API: the board names every worker and what they hold.
        var exports = app.MapGroup("/export").AddEndpointFilter<ApiKeyFilter>();
        exports.MapGet("/tablero.csv", async (DashboardQuery board, SnapshotCache cache, PlantClock clock, CancellationToken ct) =>
            await ApiEndpoints.Guarded(async () =>
            {
                var plant = await cache.GetAsync(ct);
                var now = clock.Now;
                var bytes = Csv.Board(await board.GetAsync(ct), plant.Spools.Select(s => SpoolView.Of(s, plant, now)));
                return Results.File(bytes, "text/csv; charset=utf-8", $"tablero-{now:yyyyMMdd-HHmm}.csv");
            }));
        exports.MapGet("/registro.csv", async (int workerId, DateOnly? fecha, DailyRecordQuery record, CancellationToken ct) =>
            await ApiEndpoints.Guarded(async () =>
            {
                var day = await record.GetAsync(workerId, fecha, ct);
                return Results.File(Csv.Record(day), "text/csv; charset=utf-8", $"registro-{day.Worker.Id}-{day.Date:yyyyMMdd}.csv");
            }));
        exports.MapGet("/tablero.xlsx", async (SnapshotCache cache, PlantClock clock, CancellationToken ct) =>
            await ApiEndpoints.Guarded(async () =>
            {
                // A missing critical column answers the schema error, never a plant that looks free.
                var plant = SpoolLists.Usable(await cache.GetAsync(ct));
                var now = clock.Now;
                return Results.File(XlsxExport.Board(plant.Spools.Select(s => SpoolView.Of(s, plant, now))), XlsxExport.ContentType, $"tablero-{now:yyyyMMdd-HHmm}.xlsx");
            }));
        exports.MapGet("/registro.xlsx", async (int workerId, DateOnly? fecha, DailyRecordQuery record, CancellationToken ct) =>
            await ApiEndpoints.Guarded(async () =>
            {
                var day = await record.GetAsync(workerId, fecha, ct);
                return Results.File(XlsxExport.Record(day), XlsxExport.ContentType, $"registro-{day.Worker.Id}-{day.Date:yyyyMMdd}.xlsx");
            }));
        return app;
    }
}
