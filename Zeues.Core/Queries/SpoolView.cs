using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

public sealed record UnionView(
    string Id, int NUnion, decimal Dn, string? Tipo, bool RequiereSoldadura,
    string? ArmadaPor, DateTime? ArmadaEn, string? SoldadaPor, DateTime? SoldadaEn, bool DisponibleArm, bool DisponibleSold,
    bool ConTrabajo = false)
{
    /// <summary>DOMAIN 3.3 availability, as FINALIZAR judges it.</summary>
    public bool DisponiblePara(Operacion op) => op == Operacion.ARM ? DisponibleArm : op == Operacion.SOLD && DisponibleSold;
}

public sealed record SpoolTotals(int Uniones, int Armadas, int Soldadas, decimal PulgadasArm, decimal PulgadasSold);

/// <summary>The spool as every screen and the API show it (ARCHITECTURE "Spool view").</summary>
public sealed record SpoolView(
    string Tag,
    string? Ot,
    string? Nv,
    SpoolVersion Version,
    DisplayState DisplayState,
    string DisplayLabel,
    Operacion? DisplayOperacion,
    string EstadoDetalle,
    string? Occupant,
    string? OccupantName,
    DateTime? OccupiedSince,
    string? Elapsed,
    Operacion? OperacionEnCurso,
    bool ArmCompleto,
    bool SoldCompleto,
    bool SoldNoAplica,
    bool SoldMayStart,
    int Cycle,
    Progress ArmProgress,
    Progress SoldProgress,
    DateOnly? FechaMateriales,
    DateOnly? FechaArmado,
    string? Armador,
    DateOnly? FechaSoldadura,
    string? Soldador,
    DateOnly? FechaQc,
    IReadOnlyList<string> Notas,
    IReadOnlyList<UnionView> Unions,
    SpoolTotals Totals,
    IReadOnlyList<string> DataErrors,
    IReadOnlyList<Domain.CommandType> AccionesOcupante,
    UltimoRechazo? UltimoRechazo = null)
{
    public static SpoolView Of(Spool s, PlantSnapshot plant, DateTime now)
    {
        var display = DisplayInfo.Of(s);
        var occupant = s.OccupantId is { } id && plant.Workers.TryGetValue(id, out var w) ? w : null;
        var counters = SpoolCounters.From(s.Unions);
        return new SpoolView(
            s.Tag, s.Ot, s.Nv, s.Version, display.State, display.State.Label(), display.Operacion,
            s.EstadoDetalle ?? (s.HasDataError ? "" : Domain.EstadoDetalle.Build(s)),
            s.IsOccupied ? s.OcupadoPor : null, occupant?.NombreCompleto, s.IsOccupied ? s.FechaOcupacion : null,
            s.IsOccupied && s.FechaOcupacion is { } since ? Durations.Format(now - since) : s.IsOccupied ? "—" : null,
            s.IsOccupied ? s.OccupationOp : null,
            s.ArmComplete, s.SoldComplete, s.SoldNoAplica, s.SoldMayStart, s.Quality.Ciclo, s.ArmProgress, s.SoldProgress,
            s.FechaMateriales, s.FechaArmado, s.Armador, s.FechaSoldadura, s.Soldador, s.FechaQc,
            (s.Notas ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            s.Unions.Select(u => new UnionView(s.UnionId(u), u.NUnion, u.Dn, u.Tipo, u.SoldRequired, u.ArmWorker, u.ArmFin, u.SolWorker, u.SolFin,
                u.AvailableFor(Operacion.ARM), u.AvailableFor(Operacion.SOLD), u.HasWork)).ToList(),
            new SpoolTotals(counters.Total ?? 0, counters.ArmCompletadas ?? 0, counters.SoldCompletadas ?? 0, counters.PulgadasArm ?? 0, counters.PulgadasSold ?? 0),
            s.DataErrors.Select(e => $"{e.Hoja} fila {e.Fila}, columna {e.Columna} = \"{e.Valor}\": {e.Descripcion}").ToList(),
            SpoolActions.ForOccupant(s, occupant),
            Queries.UltimoRechazo.Of(s, plant));
    }
}
