using Zeues.Core.Domain;
using Zeues.Core.Queries;

namespace Zeues.Core.Workflows;

/// <summary>DOMAIN 4.1 outcome fields, plus the new spool view the page renders at once.</summary>
public sealed record CommandOutcome(
    Guid CommandId,
    string Tag,
    Resultado Resultado,
    string Mensaje,
    string EstadoDetalle,
    DisplayState DisplayState,
    int UnionesProcesadas,
    decimal PulgadasProcesadas,
    bool MetrologiaLista,
    bool Replay,
    SpoolView Spool);

/// <summary>A command's answer: an outcome or a typed error, never an exception.</summary>
public sealed record CommandResult(CommandOutcome? Outcome, ZeuesError? Error)
{
    public bool Succeeded => Outcome is not null;

    public static CommandResult Ok(CommandOutcome outcome) => new(outcome, null);

    public static CommandResult Fail(ZeuesError error) => new(null, error);
}
