using Microsoft.Extensions.Options;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;

namespace Zeues.Web.Api;

/// <summary>The HTTP API: the same services the pages call, typed errors as problem details.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapZeuesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", HealthEndpoint.WriteAsync);

        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>().DisableAntiforgery();
        api.MapGet("/workers", async (SnapshotCache cache, CancellationToken ct) =>
            (await cache.GetAsync(ct)).ActiveWorkers.Select(w => new WorkerDto(w.Id, w.Nombre, w.Apellido, w.Token, w.Roles.Select(r => r.ToString()).ToList(),
                w.Operaciones.Select(o => o.ToString()).ToList())));

        api.MapGet("/spools", async (string? operacion, string? accion, int? workerId, string? q, SpoolLists lists, CancellationToken ct) =>
        {
            if (!Enum.TryParse<Operacion>(operacion ?? "ARM", true, out var op) || op == Operacion.NOTA)
                return ErrorResults.Problem(Errors.Entrada("operacion debe ser ARM, SOLD, METROLOGIA o REPARACION"));
            if (!Enum.TryParse<ListAccion>(accion ?? "INICIAR", true, out var listAccion))
                return ErrorResults.Problem(Errors.Entrada("accion debe ser INICIAR o MIS"));
            if (listAccion == ListAccion.MIS && workerId is null)
                return ErrorResults.Problem(Errors.Entrada("workerId es obligatorio para MIS"));
            return await Guarded(async () => Results.Ok(await lists.GetAsync(op, listAccion, workerId, q, ct)));
        });

        api.MapGet("/spools/{tag}", async (string tag, SpoolLists lists, CancellationToken ct) =>
            await lists.FindAsync(tag, ct) is { } view ? Results.Ok(view) : ErrorResults.Problem(Errors.SpoolNoEncontrado(tag)));

        api.MapGet("/spools/{tag}/history", async (string tag, SpoolHistoryQuery history, CancellationToken ct) =>
            await Guarded(async () => Results.Ok(await history.GetAsync(tag, ct))));

        api.MapGet("/spools/{tag}/acciones", async (string tag, int? workerId, SpoolAcciones acciones, CancellationToken ct) =>
            workerId is { } id
                ? await Guarded(async () => Results.Ok(await acciones.GetAsync(tag, id, ct)))
                : ErrorResults.Problem(Errors.Entrada("falta el trabajador (workerId)")));

        api.MapGet("/dashboard", async (DashboardQuery dashboard, CancellationToken ct) =>
            await Guarded(async () => Results.Ok(await dashboard.GetAsync(ct))));

        api.MapGet("/workers/{id:int}/record", async (int id, DateOnly? fecha, DailyRecordQuery record, CancellationToken ct) =>
            await Guarded(async () => Results.Ok(await record.GetAsync(id, fecha, ct))));

        api.MapPost("/commands", CommandsEndpoint.PostAsync);
        api.MapPost("/admin/parte-diario", ParteDiarioEndpoint.PostAsync);
        return app;
    }

    internal static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ZeuesException ex)
        {
            return ErrorResults.Problem(ex.Error);
        }
    }
}

public sealed record WorkerDto(int Id, string Nombre, string Apellido, string Token, IReadOnlyList<string> Roles, IReadOnlyList<string> Operaciones);
