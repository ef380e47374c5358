using Zeues.Core.Domain;
using Zeues.Core.Workflows;

namespace Zeues.Web.Api;

/// <summary>POST /api/commands body (ARCHITECTURE "HTTP API").</summary>
public sealed record CommandBody(
    Guid CommandId,
    string? Type,
    string? Tag,
    IReadOnlyList<string>? Tags,
    int? WorkerId,
    string? Operacion,
    IReadOnlyList<string>? Unions,
    string? Resultado,
    string? Texto,
    string? Motivo = null,
    string? Detalle = null,
    IReadOnlyList<UnionSpec>? Uniones = null)
{
    /// <summary>FLOOR F4 motivo of a RECHAZADO; absent is fine here (the command says when it is required).</summary>
    public bool TryReadMotivo(out MotivoRechazo? motivo, out ZeuesError? error)
    {
        motivo = null;
        error = null;
        if (Motivo is null) return true;
        if (!MotivoRechazoText.TryParse(Motivo, out var m))
        {
            error = Errors.Entrada("motivo debe ser POROSIDAD, FALTA_FUSION, SOCAVADURA, DESALINEACION, DIMENSIONAL u OTRO");
            return false;
        }
        motivo = m;
        return true;
    }

    public bool TryRead(out CommandType type, out Operacion? operacion, out ResultadoMetrologia? resultado, out ZeuesError? error)
    {
        operacion = null;
        resultado = null;
        error = null;
        if (!Enum.TryParse(Type, ignoreCase: true, out type) || !Enum.IsDefined(type))
        {
            error = Errors.Entrada("type debe ser INICIAR, FINALIZAR, PAUSAR, COMPLETAR, CANCELAR, METROLOGIA, NOTA, LIBERAR, DESBLOQUEAR o DEFINIR_UNIONES");
            return false;
        }
        if (Operacion is not null)
        {
            if (!Enum.TryParse<Operacion>(Operacion, ignoreCase: true, out var op) || op is not (Core.Domain.Operacion.ARM or Core.Domain.Operacion.SOLD or Core.Domain.Operacion.REPARACION))
            {
                error = Errors.Entrada("operacion debe ser ARM, SOLD o REPARACION");
                return false;
            }
            operacion = op;
        }
        if (Resultado is not null)
        {
            if (!Enum.TryParse<ResultadoMetrologia>(Resultado, ignoreCase: true, out var r) || !Enum.IsDefined(r))
            {
                error = Errors.Entrada("resultado debe ser APROBADO o RECHAZADO");
                return false;
            }
            resultado = r;
        }
        return true;
    }
}
