using System.Text.Json;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;
using Zeues.Web.Api;

namespace Zeues.Web.Offline;

/// <summary>
/// POST /tablet/commands: the replay of actions a tablet captured offline (FLOOR F5), one at a time in
/// capture order, through the normal command flow (exactly once by command id). It sits outside /api on
/// purpose: it is authorized by the tablet credential in X-Zeues-Tablet, never by the integration API key,
/// which must not be shipped to a page.
/// </summary>
public static class OfflineEndpoints
{
    public const string CredentialHeader = "X-Zeues-Tablet";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly CommandType[] Offline = [CommandType.INICIAR, CommandType.FINALIZAR, CommandType.PAUSAR, CommandType.COMPLETAR, CommandType.CANCELAR, CommandType.NOTA];

    public static IEndpointRouteBuilder MapZeuesOffline(this IEndpointRouteBuilder app)
    {
        app.MapPost("/tablet/commands", ReplayAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReplayAsync(HttpContext http, TabletCredential credentials, SpoolCommands commands, SpoolLists lists, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
            return Results.Problem(title: "El cuerpo debe ser JSON (application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType,
                extensions: new Dictionary<string, object?> { ["code"] = nameof(ErrorCode.DATOS_INVALIDOS), ["data"] = new Dictionary<string, object?>() });
        if (credentials.WorkerOf(http.Request.Headers[CredentialHeader]) is not { } workerId)
            return Results.Problem(title: "La credencial de la tableta venció o no es válida: identifícate de nuevo.", statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["code"] = "CREDENCIAL_INVALIDA", ["data"] = new Dictionary<string, object?>() });

        OfflineCommandBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<OfflineCommandBody>(http.Request.Body, Json, ct);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null || body.CommandId == Guid.Empty) return ErrorResults.Problem(Errors.Entrada("el cuerpo debe ser una acción capturada con su commandId"));
        if (!body.AsCommand().TryRead(out var type, out var operacion, out _, out var error)) return ErrorResults.Problem(error!);
        if (!Offline.Contains(type)) return ErrorResults.Problem(Errors.Entrada($"{type} no se captura sin conexión"));

        var request = new CommandRequest(body.CommandId, type, body.Tag ?? "", Actor.ForWorker(workerId), operacion, body.Unions,
            Texto: body.Texto, CapturadoOffline: body.CapturadoEn ?? DateTimeOffset.UtcNow);
        var result = await commands.ExecuteAsync(request, ct);
        if (result.Outcome is { } outcome)
            return Results.Ok(new { commandId = outcome.CommandId, outcome = outcome.Resultado, outcome.Mensaje, outcome.Replay });

        var failure = result.Error!;
        var problem = new Dictionary<string, object?>
        {
            ["code"] = failure.Code.ToString(),
            ["data"] = failure.Data,
            ["tarjeta"] = await CardAsync(failure, request, lists, ct),
            // The tablet keeps a retryable item queued and resends it later with the same id.
            ["reintentar"] = failure.Code.IsRetryable(),
        };
        return Results.Problem(title: failure.Message, statusCode: failure.Status, type: $"https://zeues/errors/{failure.Code}", extensions: problem);
    }

    /// <summary>The error card of a replayed action: who got there first, or the command's own message, and that this action was not recorded.</summary>
    private static async Task<string> CardAsync(ZeuesError error, CommandRequest request, SpoolLists lists, CancellationToken ct)
    {
        var lost = $"tu {request.Type} no se registró";
        if (error.Code == ErrorCode.SPOOL_OCUPADO && error.Data.GetValueOrDefault("ocupante") is string taker)
        {
            var since = (await lists.FindAsync(request.Tag, ct))?.OccupiedSince;
            return since is { } at ? $"{taker} tomó {request.Tag} a las {at:HH:mm}: {lost}" : $"{taker} tomó {request.Tag}: {lost}";
        }
        return $"{error.Message} {char.ToUpperInvariant(lost[0])}{lost[1..]}.";
    }
}
