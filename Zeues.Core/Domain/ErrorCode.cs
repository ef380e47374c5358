namespace Zeues.Core.Domain;

public enum ErrorCode
{
    SPOOL_NO_ENCONTRADO,
    WORKER_NO_ENCONTRADO,
    WORKER_INACTIVO,
    ROL_NO_AUTORIZADO,
    NO_ES_OCUPANTE,
    SPOOL_BLOQUEADO,
    SPOOL_OCUPADO,
    UNIONES_NO_DISPONIBLES,
    CONFLICTO_CONCURRENTE,
    DEPENDENCIAS_NO_SATISFECHAS,
    OPERACION_YA_COMPLETADA,
    OPERACION_NO_INICIADA,
    VERSION_INCOMPATIBLE,
    DATOS_INVALIDOS,
    UNIONES_CON_TRABAJO,
    ESQUEMA_INVALIDO,
    ALMACEN_NO_DISPONIBLE,
    ERROR_INTERNO,
}

public static class ErrorCodes
{
    /// <summary>UX 6: errors a worker may retry with the same command id (REINTENTAR); any other needs a new choice.</summary>
    public static bool IsRetryable(this ErrorCode code) =>
        code is ErrorCode.CONFLICTO_CONCURRENTE or ErrorCode.ALMACEN_NO_DISPONIBLE or ErrorCode.ERROR_INTERNO;
}

/// <summary>The one error envelope (DOMAIN 8.1): code, Spanish message, HTTP status and data.</summary>
public sealed record ZeuesError(ErrorCode Code, string Message, int Status, IReadOnlyDictionary<string, object?> Data);

/// <summary>Carries a typed error out of a workflow; converted to a result at the service boundary.</summary>
public sealed class ZeuesException(ZeuesError error) : Exception(error.Message)
{
    public ZeuesError Error { get; } = error;
}
