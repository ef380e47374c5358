namespace Zeues.Core.Domain;

/// <summary>The one Estado_Detalle builder (DOMAIN 5.1, 5.2): deterministic from facts, (q, n) and occupation.</summary>
public static class EstadoDetalle
{
    public const string Aprobado = "METROLOGIA APROBADO ✓";
    public const string Bloqueado = "BLOQUEADO - Contactar supervisor";
    public const string EnColaMetrologia = "En Cola Metrología";

    public static string Build(Spool s)
    {
        var q = s.Quality;
        if (s.MetrologiaAprobada) return Aprobado;
        if (q.Estado == Calidad.Bloqueado) return Bloqueado;
        if (s.IsOccupied && q.Estado == Calidad.EnReparacion) return $"EN_REPARACION (Ciclo {q.Ciclo}/3) - Ocupado: {s.OcupadoPor}";
        if (q.Estado is Calidad.EnReparacion or Calidad.ReparacionPausada) return $"REPARACION_PAUSADA (Ciclo {q.Ciclo}/3)";
        if (q.Estado == Calidad.Rechazado) return Rechazado(q.Ciclo);
        if (q.Estado == Calidad.PendienteMetrologia) return $"PENDIENTE_METROLOGIA (Ciclo {q.Ciclo}/3)";
        if (s.IsOccupied)
            return $"{s.OcupadoPor} trabajando {s.OccupationOp} (ARM {Value(s, Operacion.ARM)}, SOLD {Value(s, Operacion.SOLD)})";
        if (s.WorkComplete) return EnColaMetrologia;
        if (s.Version == SpoolVersion.V4)
        {
            var arm = s.ArmProgress;
            var sold = s.SoldProgress;
            if (arm.Partial && sold.Partial) return $"ARM parcial {arm}, SOLD parcial {sold} (pausado)";
            if (arm.Partial) return $"ARM parcial {arm} (pausado)";
            if (sold.Partial) return $"SOLD parcial {sold} (pausado)";
        }
        return $"Disponible - ARM {Value(s, Operacion.ARM)}, SOLD {Value(s, Operacion.SOLD)}";
    }

    public static string Rechazado(int ciclo) => $"RECHAZADO (Ciclo {ciclo}/3) - Pendiente reparación";

    /// <summary>DOMAIN 5.1: completado · no aplica · en progreso · pausado · pendiente.</summary>
    public static string Value(Spool s, Operacion op)
    {
        if (s.Complete(op) && !(op == Operacion.SOLD && s.SoldNoAplica)) return "completado";
        if (op == Operacion.SOLD && s.SoldNoAplica) return "no aplica";
        if (s.IsOccupied && s.OccupationOp == op) return "en progreso";
        var started = s.Version == SpoolVersion.V3
            ? s.WorkerOf(op) is not null
            : op == Operacion.ARM ? s.ArmProgress.Done >= 1 : s.SoldProgress.Done >= 1;
        return started ? "pausado" : "pendiente";
    }
}
