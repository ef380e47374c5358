using System.Text.RegularExpressions;

namespace Zeues.Core.Domain;

/// <summary>The metrology/repair sub-state q of DOMAIN 3.7.</summary>
public enum Calidad { Ninguna, Rechazado, EnReparacion, ReparacionPausada, PendienteMetrologia, Bloqueado }

/// <summary>(q, n): the quality sub-state and repair cycle carried in Estado_Detalle.</summary>
public readonly partial record struct QualityTrack(Calidad Estado, int Ciclo)
{
    public const int MaxCiclos = 3;

    public static readonly QualityTrack None = new(Calidad.Ninguna, 0);

    /// <summary>DOMAIN 5.3: a metrology rejection moves to the next cycle; the third one blocks.</summary>
    public QualityTrack Rejected() => Ciclo + 1 >= MaxCiclos ? new(Calidad.Bloqueado, MaxCiclos) : new(Calidad.Rechazado, Ciclo + 1);

    public static QualityTrack Read(bool metrologiaAprobada, string? estadoDetalle)
    {
        if (metrologiaAprobada) return None;
        var text = estadoDetalle ?? "";
        bool Has(string token) => text.Contains(token, StringComparison.OrdinalIgnoreCase);
        if (Has("BLOQUEADO")) return new(Calidad.Bloqueado, MaxCiclos);
        var q = Has("EN_REPARACION") ? Calidad.EnReparacion
            : Has("REPARACION_PAUSADA") ? Calidad.ReparacionPausada
            : Has("PENDIENTE_METROLOGIA") ? Calidad.PendienteMetrologia
            : Has("RECHAZADO") ? Calidad.Rechazado
            : Calidad.Ninguna;
        if (q == Calidad.Ninguna) return None;
        var m = CicloPattern().Match(text);
        var n = m.Success && int.TryParse(m.Groups[1].Value, out var parsed) ? parsed : 1;
        if (n < 1) n = 1;
        return n >= MaxCiclos ? new(Calidad.Bloqueado, MaxCiclos) : new(q, n);
    }

    [GeneratedRegex(@"Ciclo\s*(\d+)\s*/\s*3", RegexOptions.IgnoreCase)]
    private static partial Regex CicloPattern();
}
