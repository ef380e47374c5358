using Zeues.Core.Domain;

namespace Zeues.Core.Workflows;

/// <summary>Request fields each command type needs, checked before the spool is read (DATOS_INVALIDOS, DOMAIN 4.1 order).</summary>
internal static class RequestShape
{
    public static void Validate(CommandRequest r)
    {
        if (r.CommandId == Guid.Empty) throw Errors.Entrada("falta el identificador de comando (commandId)").Throw();
        if (string.IsNullOrWhiteSpace(r.Tag)) throw Errors.Entrada("falta el TAG del spool").Throw();
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
}
