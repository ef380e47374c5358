using Zeues.Core.Domain;

namespace Zeues.Core.Workflows;

/// <summary>Request fields each command type needs, checked before anything is read (DATOS_INVALIDOS).</summary>
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
            case CommandType.METROLOGIA when r.Resultado is null:
                throw Errors.Entrada("el resultado debe ser APROBADO o RECHAZADO").Throw();
        }
    }
}
