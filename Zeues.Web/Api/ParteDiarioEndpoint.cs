using Zeues.Core.Domain;
using Zeues.Core.Reports;
using Zeues.Core.Workbook;

namespace Zeues.Web.Api;

/// <summary>POST /api/admin/parte-diario?fecha=DD-MM-YYYY (FLOOR F6): writes one date's Parte_Diario; supervisor session only.</summary>
internal static class ParteDiarioEndpoint
{
    public static async Task<IResult> PostAsync(HttpContext http, string? fecha, ParteDiarioWriter writer, PlantClock clock, CancellationToken ct)
    {
        if (SupervisorSession.Name(http) is null) return Results.Problem(
            title: Errors.SupervisorRequerido().Message, statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["code"] = nameof(ErrorCode.ROL_NO_AUTORIZADO), ["data"] = new Dictionary<string, object?>() });

        DateOnly day;
        if (string.IsNullOrWhiteSpace(fecha)) day = clock.Today;
        else if (CellReader.TryDate(fecha, out var parsed) && parsed is { } d) day = d;
        else return ErrorResults.Problem(Errors.Entrada("fecha debe ser DD-MM-YYYY"));

        return await ApiEndpoints.Guarded(async () =>
        {
            var result = await writer.WriteAsync(day, ct);
            return Results.Ok(new
            {
                fecha = CellWriter.Date(result.Fecha),
                hoja = ParteDiario.Sheet,
                trabajadores = result.Trabajadores,
                filasReemplazadas = result.FilasReemplazadas,
                mensaje = result.Mensaje,
            });
        });
    }
}
