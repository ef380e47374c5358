namespace Zeues.Core.Workflows;

public enum CommandType { INICIAR, FINALIZAR, PAUSAR, COMPLETAR, CANCELAR, METROLOGIA, NOTA, LIBERAR, DESBLOQUEAR }

public enum ResultadoMetrologia { APROBADO, RECHAZADO }

/// <summary>Who acts: an identified worker (tablet or API workerId) or a logged-in supervisor.</summary>
public sealed record Actor(int? WorkerId, string? Supervisor)
{
    public static Actor ForWorker(int id) => new(id, null);

    public static Actor ForSupervisor(string name) => new(null, name);

    public bool IsSupervisor => Supervisor is not null;
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
    DateTimeOffset? CapturadoOffline = null)
{
    public bool IsSupervisorCommand => Type is CommandType.LIBERAR or CommandType.DESBLOQUEAR;
}
