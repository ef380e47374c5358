using Zeues.Core.Domain;

namespace Zeues.Core.Workflows;

/// <summary>What a command decided: the spool after it, its Metadata events and its outcome words.</summary>
public sealed record SpoolChange(
    Spool After,
    IReadOnlyList<AuditEvent> Events,
    Resultado Resultado,
    string Mensaje,
    int UnionesProcesadas = 0,
    decimal PulgadasProcesadas = 0)
{
    public bool MetrologiaLista => Events.Any(e => e.Evento == AuditEvent.MetrologiaLista);
}
