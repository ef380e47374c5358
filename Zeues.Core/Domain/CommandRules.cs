namespace Zeues.Core.Domain;

/// <summary>
/// The one rule book (DOMAIN 4.2-4.9, FLOOR F1): "may this worker do this to this spool now, and if
/// not, why?" answered with the exact error the command returns. The command asks it on its fresh
/// read; lists, card buttons, previews, the admin lists and the reason cards ask it on the snapshot.
/// It returns the first failing precondition in the documented order, or null when allowed. It never
/// throws, so a list can ask it for every spool of the plant.
/// </summary>
public static class CommandRules
{
    /// <summary>DOMAIN 2.2/2.3: the worker's standing for the request (active, role; supervisor session for supervisor commands).</summary>
    public static ZeuesError? Actor(Worker? worker, CommandRequest request)
    {
        if (request.IsSupervisorCommand) return request.Actor.IsSupervisor ? null : Errors.SupervisorRequerido();
        if (worker is null) return null;
        if (!worker.Activo) return Errors.WorkerInactivo(worker.Id);
        return RequiredOperation(request) is { } op && !worker.Can(op) ? Errors.RolNoAutorizado(worker.Token, op) : null;
    }

    /// <summary>The operation whose role the worker needs, or null when no role is needed (NOTA).</summary>
    public static Operacion? RequiredOperation(CommandRequest r) => r.Type switch
    {
        CommandType.METROLOGIA => Operacion.METROLOGIA,
        CommandType.NOTA or CommandType.LIBERAR or CommandType.DESBLOQUEAR => null,
        _ => r.Operacion,
    };

    /// <summary>
    /// Every precondition of the request on this spool, in the order of DOMAIN section 4. A null
    /// worker judges the spool alone (the picker lists: any worker holding the role).
    /// </summary>
    public static ZeuesError? Check(Spool spool, Worker? worker, CommandRequest request)
    {
        if (Actor(worker, request) is { } actor) return actor;
        var op = request.Operacion ?? Operacion.ARM;
        return request.Type switch
        {
            CommandType.INICIAR when op == Operacion.REPARACION => IniciarReparacion(spool),
            CommandType.INICIAR => Iniciar(spool, op),
            CommandType.FINALIZAR when op is Operacion.ARM or Operacion.SOLD => Finalizar(spool, worker, op, request.Unions ?? []),
            CommandType.FINALIZAR => Errors.Entrada("FINALIZAR es para ARM o SOLD"),
            CommandType.PAUSAR or CommandType.COMPLETAR when op == Operacion.REPARACION => DataError(spool) ?? OccupiedBy(spool, worker, op),
            CommandType.PAUSAR or CommandType.COMPLETAR => DataError(spool) ?? (spool.Version == SpoolVersion.V4 ? Errors.ConUnionesV4(spool.Tag) : null)
                ?? OccupiedBy(spool, worker, op),
            CommandType.CANCELAR => DataError(spool) ?? OccupiedBy(spool, worker, op),
            CommandType.METROLOGIA => RechazoUnions(spool, request) ?? Metrologia(spool),
            CommandType.NOTA => null,
            CommandType.LIBERAR => DataError(spool) ?? (spool.IsOccupied ? null : Errors.NadaQueLiberar(spool.Tag)),
            CommandType.DESBLOQUEAR => DataError(spool)
                ?? (spool.IsBloqueado ? null : Errors.Dependencias("desbloquear", Operacion.REPARACION, spool.Tag, "el spool no está BLOQUEADO")),
            CommandType.DEFINIR_UNIONES => DefinirUniones(spool, request.Uniones ?? []),
            _ => Errors.Entrada("tipo de comando desconocido"),
        };
    }

    public static bool Allows(Spool spool, Worker? worker, CommandRequest request) => Check(spool, worker, request) is null;

    private static ZeuesError? Iniciar(Spool s, Operacion op)
    {
        if ((DataError(s) ?? NotBlocked(s) ?? Free(s)) is { } e) return e;
        if (s.FechaMateriales is null) return Errors.Dependencias("iniciar", op, s.Tag, "falta Fecha_Materiales");
        if (op == Operacion.SOLD && s.SoldNoAplica) return Errors.SoldNoAplica(s.Tag);
        if (s.Complete(op)) return Errors.YaCompletada(op, s.Tag);
        if (op == Operacion.SOLD && !s.SoldMayStart)
            return Errors.Dependencias("iniciar", op, s.Tag,
                s.Version == SpoolVersion.V3 ? "ARM no completado (Fecha_Armado vacía)" : "no hay uniones armadas pendientes de soldar");
        return null;
    }

    private static ZeuesError? IniciarReparacion(Spool s)
    {
        if ((DataError(s) ?? NotBlocked(s) ?? Free(s)) is { } e) return e;
        return s.Quality.Estado is Calidad.Rechazado or Calidad.ReparacionPausada
            ? null
            : Errors.Dependencias("iniciar", Operacion.REPARACION, s.Tag, "solo spools RECHAZADOS o con REPARACION_PAUSADA pueden repararse");
    }

    private static ZeuesError? Finalizar(Spool s, Worker? worker, Operacion op, IReadOnlyList<string> unions)
    {
        if (DataError(s) is { } e) return e;
        if (s.Version == SpoolVersion.V3) return Errors.SinUnionesV3(s.Tag);
        if (OccupiedBy(s, worker, op) is { } o) return o;
        var byId = s.Unions.ToDictionary(s.UnionId, StringComparer.OrdinalIgnoreCase);
        var unavailable = unions.Select(u => u.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(id => !byId.TryGetValue(id, out var u) || !u.AvailableFor(op)).ToList();
        return unavailable.Count > 0 ? Errors.UnionesNoDisponibles(op, s.Tag, unavailable) : null;
    }

    /// <summary>FLOOR F4, right after the inspector's role: the rejected unions are ids of this spool with ARM or SOLD done.</summary>
    private static ZeuesError? RechazoUnions(Spool s, CommandRequest r)
    {
        if (r.Resultado != ResultadoMetrologia.RECHAZADO || r.Unions is not { Count: > 0 } unions) return null;
        var byId = s.Unions.ToDictionary(s.UnionId, StringComparer.OrdinalIgnoreCase);
        var foreign = unions.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(id => !byId.TryGetValue(id, out var u) || !(u.Armed || u.Welded)).ToList();
        return foreign.Count > 0 ? Errors.UnionesNoDisponibles(Operacion.METROLOGIA, s.Tag, foreign) : null;
    }

    private static ZeuesError? Metrologia(Spool s)
    {
        const Operacion op = Operacion.METROLOGIA;
        if ((DataError(s) ?? NotBlocked(s)) is { } e) return e;
        if (s.MetrologiaAprobada) return Errors.MetrologiaYaAprobada(s.Tag);
        if (Free(s) is { } busy) return busy;
        if (s.Quality.Estado is not (Calidad.Ninguna or Calidad.PendienteMetrologia))
            return Errors.Dependencias("registrar", op, s.Tag, "el spool está RECHAZADO: primero debe repararse");
        if (!s.ArmComplete) return Errors.Dependencias("registrar", op, s.Tag, "ARM no está completo");
        if (!s.SoldComplete)
            return Errors.Dependencias("registrar", op, s.Tag,
                s.Version == SpoolVersion.V4 ? $"SOLD no está completo ({s.SoldProgress} uniones soldadas)" : "SOLD no está completo");
        return null;
    }

    /// <summary>FLOOR F3 #3-#8 (the list's own shape, #2, is checked with the request).</summary>
    private static ZeuesError? DefinirUniones(Spool s, IReadOnlyList<UnionSpec> wanted)
    {
        if (DataError(s) is { } e) return e;
        if (s.Ot is null) return Errors.Entrada($"el spool {s.Tag} no tiene OT");
        if ((Free(s) ?? NotBlocked(s)) is { } busy) return busy;
        if (s.MetrologiaAprobada) return Errors.MetrologiaYaAprobada(s.Tag);
        if (s.Version == SpoolVersion.V3 && (s.FechaArmado is not null || s.FechaSoldadura is not null)) return Errors.TrabajoV3Registrado(s.Tag);
        var byN = wanted.Where(u => u.N is not null && u.Dn is not null).GroupBy(u => u.N!.Value).ToDictionary(g => g.Key, g => g.First());
        foreach (var worked in s.Unions.Where(u => u.HasWork))
        {
            if (!byN.TryGetValue(worked.NUnion, out var w) || w.Dn != worked.Dn || w.TipoNormalizado != (worked.Tipo ?? ""))
                return Errors.UnionesConTrabajo(worked.NUnion, s.Tag);
        }
        return null;
    }

    private static ZeuesError? DataError(Spool s) => s.HasDataError ? Errors.DatosInvalidos(s.Tag, s.DataErrors[0]) : null;

    private static ZeuesError? NotBlocked(Spool s) => s.IsBloqueado ? Errors.SpoolBloqueado(s.Tag) : null;

    private static ZeuesError? Free(Spool s) =>
        s.IsOccupied ? Errors.SpoolOcupado(s.Tag, s.OcupadoPor, PlantDates.Timestamp(s.FechaOcupacion)) : null;

    /// <summary>DOMAIN 4.3 rows 4-6: occupied, by this worker, for this operation.</summary>
    private static ZeuesError? OccupiedBy(Spool s, Worker? worker, Operacion op)
    {
        if (!s.IsOccupied) return Errors.NoOcupado(s.Tag);
        if (s.OccupantId != worker?.Id) return Errors.NoEsOcupante(s.Tag, s.OcupadoPor);
        return s.OccupationOp != op ? Errors.OtraOperacion(s.Tag, s.OccupationOp, op) : null;
    }
}
