using Zeues.Core.Domain;

namespace Zeues.Core.Workflows;

/// <summary>Request fields each command type needs, and their sizes, checked before anything is read (DATOS_INVALIDOS).</summary>
public static class RequestShape
{
    /// <summary>No plant TAG comes near it; a longer one is a paste or an attack, not a spool.</summary>
    public const int MaxTagLength = 100;

    /// <summary>A spool has at most a few dozen unions; 200 leaves room without letting one request carry thousands.</summary>
    public const int MaxUnions = 200;

    /// <summary>The HTTP body of one command (a 50-TAG batch or 200 unions fits many times over).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static void Validate(CommandRequest r)
    {
        if (r.CommandId == Guid.Empty) throw Errors.Entrada("falta el identificador de comando (commandId)").Throw();
        if (string.IsNullOrWhiteSpace(r.Tag)) throw Errors.Entrada("falta el TAG del spool").Throw();
        if (r.Tag.Trim().Length > MaxTagLength) throw Errors.Entrada($"el TAG tiene más de {MaxTagLength} caracteres").Throw();
        if (r.Unions is { } unions)
        {
            if (unions.Count > MaxUnions) throw Errors.Entrada($"se pueden enviar hasta {MaxUnions} uniones por comando").Throw();
            if (unions.Any(string.IsNullOrWhiteSpace)) throw Errors.Entrada("hay una unión vacía en la lista").Throw();
        }
        switch (r.Type)
        {
            case CommandType.INICIAR or CommandType.PAUSAR or CommandType.COMPLETAR or CommandType.CANCELAR
                when r.Operacion is not (Operacion.ARM or Operacion.SOLD or Operacion.REPARACION):
                throw Errors.Entrada("la operación debe ser ARM, SOLD o REPARACION").Throw();
            case CommandType.FINALIZAR when r.Operacion is not (Operacion.ARM or Operacion.SOLD):
                throw Errors.Entrada("FINALIZAR es para ARM o SOLD").Throw();
            // DOMAIN 4.3: an empty list means "none" (CANCELAR); a missing one is an error, never a silent cancel.
            case CommandType.FINALIZAR when r.Unions is null:
                throw Errors.Entrada("falta la lista de uniones").Throw();
            case CommandType.METROLOGIA when r.Resultado is null:
                throw Errors.Entrada("el resultado debe ser APROBADO o RECHAZADO").Throw();
            case CommandType.NOTA when NotaText.Clean(r.Texto).Length is 0 or > NotaText.MaxLength:
                throw Errors.Entrada($"la nota debe tener entre 1 y {NotaText.MaxLength} caracteres").Throw();
            case CommandType.LIBERAR or CommandType.DESBLOQUEAR:
                Motivo(r.Texto);
                break;
        }
    }

    /// <summary>DOMAIN 4.9: a supervisor's motivo, trimmed, 3-200 characters.</summary>
    public static string Motivo(string? texto)
    {
        var motivo = texto?.Trim() ?? "";
        if (motivo.Length is < 3 or > 200) throw Errors.Entrada("el motivo debe tener entre 3 y 200 caracteres").Throw();
        return motivo;
    }

    /// <summary>DOMAIN 4.10: the TAG list of a batch start, before any of its spools is looked at.</summary>
    public static ZeuesError? ValidateBatch(IReadOnlyList<string?> tags)
    {
        if (tags.Count is 0 or > BatchLimit.MaxSpools) return Errors.Entrada($"se pueden iniciar entre 1 y {BatchLimit.MaxSpools} spools por vez");
        if (tags.Any(string.IsNullOrWhiteSpace)) return Errors.Entrada("hay un TAG vacío en la lista");
        if (tags.Any(t => t!.Trim().Length > MaxTagLength)) return Errors.Entrada($"hay un TAG de más de {MaxTagLength} caracteres");
        return null;
    }
}
