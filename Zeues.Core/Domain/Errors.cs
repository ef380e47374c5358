using System.Globalization;

namespace Zeues.Core.Domain;

/// <summary>The one error catalogue (DOMAIN 8.2). Every Spanish message is built here and nowhere else.</summary>
public static class Errors
{
    public static ZeuesError SpoolNoEncontrado(string tag) =>
        Make(ErrorCode.SPOOL_NO_ENCONTRADO, 404, $"No se encontró el spool {tag}. Verifica el TAG.", ("tag", tag));

    public static ZeuesError WorkerNoEncontrado(int id) =>
        Make(ErrorCode.WORKER_NO_ENCONTRADO, 404, $"No se encontró el trabajador con ID {Id(id)}.", ("workerId", id));

    public static ZeuesError WorkerInactivo(int id) =>
        Make(ErrorCode.WORKER_INACTIVO, 403, $"El trabajador {Id(id)} no está activo. Consulta a tu supervisor.", ("workerId", id));

    public static ZeuesError RolNoAutorizado(string token, Operacion op)
    {
        var roles = RoleMatrix.AllowedRoles(op).Select(r => r.ToString()).ToList();
        return Make(ErrorCode.ROL_NO_AUTORIZADO, 403,
            $"{token} no tiene un rol habilitado para {op.Nombre()} (requiere {string.Join(" o ", roles)}).",
            ("rolesRequeridos", roles), ("operacion", op.ToString()));
    }

    public static ZeuesError SupervisorRequerido() =>
        Make(ErrorCode.ROL_NO_AUTORIZADO, 403, "Esta acción requiere una sesión de supervisor.");

    public static ZeuesError NoEsOcupante(string tag, string? ocupante) =>
        Make(ErrorCode.NO_ES_OCUPANTE, 403,
            $"El spool {tag} está ocupado por {ocupante}. Solo {ocupante} puede terminar o cancelar este trabajo.",
            ("tag", tag), ("ocupante", ocupante));

    public static ZeuesError SpoolBloqueado(string tag) =>
        Make(ErrorCode.SPOOL_BLOQUEADO, 403,
            $"El spool {tag} está BLOQUEADO después de 3 rechazos de metrología. Contacta al supervisor.", ("tag", tag));

    public static ZeuesError SpoolOcupado(string tag, string? ocupante, string? fechaOcupacion) =>
        Make(ErrorCode.SPOOL_OCUPADO, 409,
            $"El spool {tag} ya está ocupado por {ocupante}. Espera a que termine o elige otro spool.",
            ("tag", tag), ("ocupante", ocupante), ("fechaOcupacion", fechaOcupacion));

    public static ZeuesError UnionesNoDisponibles(Operacion op, string tag, IReadOnlyList<string> ids) =>
        Make(ErrorCode.UNIONES_NO_DISPONIBLES, 409,
            $"Estas uniones ya no están disponibles para {op.Nombre()} en {tag}: {string.Join(", ", ids)}. Revisa la selección.",
            ("tag", tag), ("uniones", ids), ("operacion", op.ToString()));

    public static ZeuesError ConflictoConcurrente(string tag) =>
        Make(ErrorCode.CONFLICTO_CONCURRENTE, 409,
            $"Otra persona está registrando en el spool {tag} en este momento. Intenta de nuevo en unos segundos.", ("tag", tag));

    public static ZeuesError ParteEnEscritura(string fecha) =>
        Make(ErrorCode.CONFLICTO_CONCURRENTE, 409,
            $"Se está escribiendo el parte diario del {fecha} en este momento. Intenta de nuevo en unos segundos.", ("fecha", fecha));

    public static ZeuesError Dependencias(string accion, Operacion op, string tag, string motivo) =>
        Make(ErrorCode.DEPENDENCIAS_NO_SATISFECHAS, 400, $"No se puede {accion} {op.Nombre()} en {tag}: {motivo}.",
            ("tag", tag), ("operacion", op.ToString()));

    public static ZeuesError YaCompletada(Operacion op, string tag) =>
        Make(ErrorCode.OPERACION_YA_COMPLETADA, 400, $"{op.Nombre()} ya está completado en el spool {tag}.", ("tag", tag), ("operacion", op.ToString()));

    public static ZeuesError SoldNoAplica(string tag) =>
        Make(ErrorCode.OPERACION_YA_COMPLETADA, 400, $"El spool {tag} no requiere soldadura", ("tag", tag), ("operacion", "SOLD"));

    public static ZeuesError MetrologiaYaAprobada(string tag) =>
        Make(ErrorCode.OPERACION_YA_COMPLETADA, 400, $"La metrología del spool {tag} ya fue aprobada", ("tag", tag), ("operacion", "METROLOGIA"));

    public static ZeuesError NoOcupado(string tag) =>
        Make(ErrorCode.OPERACION_NO_INICIADA, 400, $"El spool {tag} no está ocupado: usa INICIAR", ("tag", tag));

    public static ZeuesError NadaQueLiberar(string tag) =>
        Make(ErrorCode.OPERACION_NO_INICIADA, 400, $"El spool {tag} no está ocupado; no hay nada que liberar", ("tag", tag));

    public static ZeuesError OtraOperacion(string tag, Operacion enCurso, Operacion pedida) =>
        Make(ErrorCode.OPERACION_NO_INICIADA, 400, $"El spool {tag} está en {enCurso.Nombre()}, no en {pedida.Nombre()}",
            ("tag", tag), ("operacion", enCurso.ToString()));

    public static ZeuesError SinUnionesV3(string tag) =>
        Make(ErrorCode.VERSION_INCOMPATIBLE, 400, $"El spool {tag} no tiene uniones (v3.0): usa PAUSAR o COMPLETAR", ("tag", tag), ("version", "v3.0"));

    public static ZeuesError ConUnionesV4(string tag) =>
        Make(ErrorCode.VERSION_INCOMPATIBLE, 400,
            $"El spool {tag} tiene uniones (v4.0): usa FINALIZAR y selecciona las uniones trabajadas", ("tag", tag), ("version", "v4.0"));

    public static ZeuesError DatosInvalidos(string tag, DataError e) =>
        Make(ErrorCode.DATOS_INVALIDOS, 422,
            $"El spool {tag} tiene datos que no se pueden leer: {e.Hoja} fila {e.Fila}, columna {e.Columna} = \"{e.Valor}\". Pide a la oficina que corrija la planilla.",
            ("tag", tag), ("hoja", e.Hoja), ("fila", e.Fila), ("columna", e.Columna), ("valor", e.Valor));

    public static ZeuesError Entrada(string detalle) =>
        Make(ErrorCode.DATOS_INVALIDOS, 422, $"Datos no válidos: {detalle}.");

    public static ZeuesError NotasLlenas(string tag) =>
        Make(ErrorCode.DATOS_INVALIDOS, 422,
            $"Las notas del spool {tag} llenaron su celda (máximo 50.000 caracteres): pide a la oficina que archive las notas antiguas para agregar más.",
            ("tag", tag), ("columna", "Notas"));

    public static ZeuesError NoEsJson() =>
        Make(ErrorCode.DATOS_INVALIDOS, 415, "Datos no válidos: el comando debe enviarse como JSON (Content-Type: application/json).");

    public static ZeuesError CuerpoDemasiadoGrande(int maxBytes) =>
        Make(ErrorCode.DATOS_INVALIDOS, 413, $"Datos no válidos: el comando supera los {maxBytes / 1024} KB permitidos.");

    public static ZeuesError UnionesConTrabajo(int n, string tag) =>
        Make(ErrorCode.UNIONES_CON_TRABAJO, 409, $"No se puede cambiar ni quitar la unión {n} de {tag}: tiene trabajo registrado.",
            ("tag", tag), ("nUnion", n));

    public static ZeuesError TrabajoV3Registrado(string tag) =>
        Make(ErrorCode.DEPENDENCIAS_NO_SATISFECHAS, 400, $"No se puede definir UNIONES en {tag}: el spool ya tiene trabajo v3 registrado.",
            ("tag", tag), ("operacion", "UNIONES"));

    public static ZeuesError EsquemaInvalido(string hoja, string columna) =>
        Make(ErrorCode.ESQUEMA_INVALIDO, 503,
            $"Falta la columna \"{columna}\" en la hoja {hoja}. No se puede registrar trabajo hasta corregir la planilla. Avisa al supervisor.",
            ("hoja", hoja), ("columna", columna));

    public static ZeuesError AlmacenNoDisponible() =>
        Make(ErrorCode.ALMACEN_NO_DISPONIBLE, 503,
            "No se pudo conectar con la planilla. Intenta de nuevo en unos segundos: el reintento no duplica el registro.");

    public static ZeuesError Interno(string reference) =>
        Make(ErrorCode.ERROR_INTERNO, 500,
            $"Ocurrió un error inesperado. Intenta de nuevo; si se repite, avisa al supervisor (ref. {reference}).", ("ref", reference));

    /// <summary>The short reference of an ERROR_INTERNO, shown to the user and written in the log.</summary>
    public static string NewReference() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static ZeuesException Throw(this ZeuesError error) => new(error);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static ZeuesError Make(ErrorCode code, int status, string message, params (string Key, object? Value)[] data) =>
        new(code, message, status, data.ToDictionary(d => d.Key, d => d.Value));
}
