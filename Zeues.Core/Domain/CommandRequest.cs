namespace Zeues.Core.Domain;

public enum CommandType { INICIAR, FINALIZAR, PAUSAR, COMPLETAR, CANCELAR, METROLOGIA, NOTA, LIBERAR, DESBLOQUEAR, DEFINIR_UNIONES }

public enum ResultadoMetrologia { APROBADO, RECHAZADO }

/// <summary>
/// Who acts: an identified worker (tablet or API workerId), a logged-in supervisor, or a supervisor
/// recording for a worker (FLOOR F2: the worker's own command, with registrado_por).
/// </summary>
public sealed record Actor(int? WorkerId, string? Supervisor)
{
    public static Actor ForWorker(int id) => new(id, null);

    public static Actor ForSupervisor(string name) => new(null, name);

    public static Actor RecordedBy(int workerId, string supervisor) => new(workerId, supervisor);

    /// <summary>The supervisor acting in their own name (LIBERAR, DESBLOQUEAR, DEFINIR_UNIONES, admin notes).</summary>
    public bool IsSupervisor => Supervisor is not null && WorkerId is null;

    /// <summary>FLOOR F2: the supervisor who recorded this worker's command, written as registrado_por in every Metadata row.</summary>
    public string? RegistradoPor => WorkerId is not null ? Supervisor : null;
}

/// <summary>
/// What the worker wants done on one spool. The core applies the spool's version: the caller never
/// chooses a v3 or v4 path (ARCHITECTURE "Command flow"). <see cref="CapturadoOffline"/> is the device
/// time of an action captured without connection and replayed later (FLOOR F5).
/// </summary>
public sealed record CommandRequest(
    Guid CommandId,
    CommandType Type,
    string Tag,
    Actor Actor,
    Domain.Operacion? Operacion = null,
    IReadOnlyList<string>? Unions = null,
    ResultadoMetrologia? Resultado = null,
    string? Texto = null,
    DateTimeOffset? CapturadoOffline = null,
    Domain.MotivoRechazo? Motivo = null,
    string? Detalle = null,
    IReadOnlyList<Domain.UnionSpec>? Uniones = null)
{
    public bool IsSupervisorCommand => Type is CommandType.LIBERAR or CommandType.DESBLOQUEAR or CommandType.DEFINIR_UNIONES;
}
