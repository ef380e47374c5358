namespace Zeues.Core.Domain;

/// <summary>The state shown on lists, cards and the board (DOMAIN 5.4), in priority order.</summary>
public enum DisplayState { ERROR_DATOS, APROBADO, BLOQUEADO, EN_REPARACION, RECHAZADO, PAUSADO, PENDIENTE_METROLOGIA, EN_PROGRESO, LIBRE }

/// <summary>A display state with the operation it is shown under (null for ERROR_DATOS).</summary>
public readonly record struct DisplayInfo(DisplayState State, Operacion? Operacion)
{
    public static DisplayInfo Of(Spool s)
    {
        var q = s.Quality.Estado;
        if (s.HasDataError) return new(DisplayState.ERROR_DATOS, null);
        if (s.MetrologiaAprobada) return new(DisplayState.APROBADO, Domain.Operacion.METROLOGIA);
        if (q == Calidad.Bloqueado) return new(DisplayState.BLOQUEADO, Domain.Operacion.REPARACION);
        if (s.IsOccupied && q == Calidad.EnReparacion) return new(DisplayState.EN_REPARACION, Domain.Operacion.REPARACION);
        if (q == Calidad.Rechazado) return new(DisplayState.RECHAZADO, Domain.Operacion.REPARACION);
        if (q is Calidad.ReparacionPausada or Calidad.EnReparacion) return new(DisplayState.PAUSADO, Domain.Operacion.REPARACION);
        if (q == Calidad.PendienteMetrologia || (s.WorkComplete && !s.IsOccupied && q == Calidad.Ninguna))
            return new(DisplayState.PENDIENTE_METROLOGIA, Domain.Operacion.METROLOGIA);
        if (s.IsOccupied) return new(DisplayState.EN_PROGRESO, s.OccupationOp);
        if (s.PartiallyDone && !s.WorkComplete)
            return new(DisplayState.PAUSADO, s.ArmComplete ? Domain.Operacion.SOLD : Domain.Operacion.ARM);
        return new(DisplayState.LIBRE, Domain.Operacion.ARM);
    }

    /// <summary>
    /// The display state an Estado_Detalle written by the builder (DOMAIN 5.2) stands for: a replay
    /// answers the state its command left, read back from the recorded text, not today's state.
    /// </summary>
    public static DisplayState OfRecorded(string estadoDetalle)
    {
        var ed = estadoDetalle.Trim();
        if (ed.StartsWith(Domain.EstadoDetalle.Aprobado.TrimEnd('✓', ' '), StringComparison.OrdinalIgnoreCase)) return DisplayState.APROBADO;
        var q = QualityTrack.Read(false, ed).Estado;
        if (q == Calidad.Bloqueado) return DisplayState.BLOQUEADO;
        if (q == Calidad.EnReparacion) return ed.Contains("Ocupado:", StringComparison.OrdinalIgnoreCase) ? DisplayState.EN_REPARACION : DisplayState.PAUSADO;
        if (q == Calidad.ReparacionPausada) return DisplayState.PAUSADO;
        if (q == Calidad.Rechazado) return DisplayState.RECHAZADO;
        if (q == Calidad.PendienteMetrologia || ed.Equals(Domain.EstadoDetalle.EnColaMetrologia, StringComparison.OrdinalIgnoreCase))
            return DisplayState.PENDIENTE_METROLOGIA;
        if (ed.Contains(" trabajando ", StringComparison.OrdinalIgnoreCase)) return DisplayState.EN_PROGRESO;
        if (ed.Contains(" parcial ", StringComparison.OrdinalIgnoreCase)) return DisplayState.PAUSADO;
        // "Disponible - ARM {a}, SOLD {s}": partially done when either operation has work recorded.
        return ed.Contains("pausado", StringComparison.OrdinalIgnoreCase) || ed.Contains("completado", StringComparison.OrdinalIgnoreCase)
            ? DisplayState.PAUSADO
            : DisplayState.LIBRE;
    }
}

public static class DisplayStateText
{
    public static string Label(this DisplayState state) => state switch
    {
        DisplayState.ERROR_DATOS => "ERROR DE DATOS",
        DisplayState.EN_PROGRESO => "EN PROGRESO",
        DisplayState.PENDIENTE_METROLOGIA => "PEND. METROLOGÍA",
        DisplayState.EN_REPARACION => "EN REPARACIÓN",
        _ => state.ToString(),
    };
}
