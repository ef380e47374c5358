using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Zeues.Core.Domain;
using Zeues.Core.Workflows;

namespace Zeues.Web.Api;

/// <summary>POST /api/commands: one command, or a batch INICIAR with "tags".</summary>
internal static class CommandsEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> PostAsync(HttpContext http, SpoolCommands commands, CancellationToken ct)
    {
        // JSON only: a form or text/plain post is what a foreign web page can send cross-site without asking (DOMAIN 8.1).
        if (!http.Request.HasJsonContentType()) return ErrorResults.Problem(Errors.NoEsJson());
        if (http.Request.ContentLength > RequestShape.MaxBodyBytes) return ErrorResults.Problem(Errors.CuerpoDemasiadoGrande(RequestShape.MaxBodyBytes));
        // A chunked body has no length up front: Kestrel stops reading at the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = RequestShape.MaxBodyBytes;

        CommandBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<CommandBody>(http.Request.Body, Json, ct);
        }
        catch (JsonException)
        {
            body = null;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ErrorResults.Problem(Errors.CuerpoDemasiadoGrande(RequestShape.MaxBodyBytes));
        }
        if (body is null) return ErrorResults.Problem(Errors.Entrada("el cuerpo debe ser un comando JSON"));
        if (!body.TryRead(out var type, out var operacion, out var resultado, out var error)) return ErrorResults.Problem(error!);
        if (!body.TryReadMotivo(out var motivo, out error)) return ErrorResults.Problem(error!);

        Actor actor;
        if (type is CommandType.LIBERAR or CommandType.DESBLOQUEAR or CommandType.DEFINIR_UNIONES)
        {
            // Supervisor commands need the /admin session; it is answered before any domain check.
            if (SupervisorSession.Name(http) is not { } supervisor) return Results.Problem(
                title: Errors.SupervisorRequerido().Message, statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["code"] = nameof(ErrorCode.ROL_NO_AUTORIZADO), ["data"] = new Dictionary<string, object?>() });
            actor = Actor.ForSupervisor(supervisor);
        }
        // FLOOR F2: with the supervisor session, workerId names the worker the supervisor records for.
        else if (body.WorkerId is { } workerId) actor = SupervisorSession.Name(http) is { } recorder ? Actor.RecordedBy(workerId, recorder) : Actor.ForWorker(workerId);
        else return ErrorResults.Problem(Errors.Entrada("falta el trabajador (workerId)"));

        if (type == CommandType.INICIAR && body.Tags is { Count: > 0 } tags)
        {
            if (operacion is not { } op) return ErrorResults.Problem(Errors.Entrada("la operación debe ser ARM, SOLD o REPARACION"));
            var batch = await commands.StartManyAsync(body.CommandId, tags, actor, op, ct);
            if (batch.Error is not null) return ErrorResults.Problem(batch.Error);
            return Results.Ok(new
            {
                // Without a client id each TAG got a fresh one (see its outcome's commandId).
                commandId = body.CommandId == Guid.Empty ? (Guid?)null : body.CommandId,
                resumen = batch.Resumen,
                iniciados = batch.Started,
                conError = batch.Failed,
                results = batch.Items.Select(i => new { tag = i.Tag, outcome = i.Result.Outcome, error = Envelope(i.Result.Error) }),
            });
        }

        var result = await commands.ExecuteAsync(
            new CommandRequest(body.CommandId, type, body.Tag ?? "", actor, operacion, body.Unions, resultado, body.Texto, Motivo: motivo, Detalle: body.Detalle, Uniones: body.Uniones), ct);
        return result.Outcome is { } outcome
            ? Results.Ok(new { commandId = outcome.CommandId, outcome = outcome.Resultado, outcome.Mensaje, outcome.EstadoDetalle, outcome.DisplayState,
                outcome.Replay, outcome.UnionesProcesadas, outcome.PulgadasProcesadas, outcome.MetrologiaLista, spool = outcome.Spool })
            : ErrorResults.Problem(result.Error!);
    }

    private static object? Envelope(ZeuesError? e) => e is null ? null : new { code = e.Code.ToString(), message = e.Message, status = e.Status, data = e.Data };
}
