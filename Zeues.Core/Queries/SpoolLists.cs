using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

public enum ListAccion { INICIAR, MIS }

/// <summary>A picker list: the selectable spools, the read-only ones (BLOQUEADO in REPARACION) and the data-error group.</summary>
public sealed record PickerList(IReadOnlyList<SpoolView> Items, IReadOnlyList<SpoolView> ReadOnly, IReadOnlyList<SpoolView> Errors);

/// <summary>DOMAIN 7.1: the spool picker lists, served from the snapshot.</summary>
public sealed class SpoolLists(SnapshotCache cache, PlantClock clock)
{
    public async Task<PickerList> GetAsync(Operacion op, ListAccion accion, int? workerId = null, string? search = null, CancellationToken ct = default) =>
        Build(await cache.GetAsync(ct), op, accion, workerId, search, clock.Now);

    public async Task<IReadOnlyList<SpoolView>> MineAsync(int workerId, CancellationToken ct = default) =>
        Build(await cache.GetAsync(ct), Operacion.ARM, ListAccion.MIS, workerId, null, clock.Now).Items;

    public async Task<SpoolView?> FindAsync(string tag, CancellationToken ct = default)
    {
        var plant = await cache.GetAsync(ct);
        return plant.Find(tag) is { } s ? SpoolView.Of(s, plant, clock.Now) : null;
    }

    public static PickerList Build(PlantSnapshot plant, Operacion op, ListAccion accion, int? workerId, string? search, DateTime now)
    {
        var matching = plant.Spools.Where(s => Matches(s, search)).ToList();
        var errors = matching.Where(s => s.HasDataError).OrderBy(s => s.Tag, StringComparer.OrdinalIgnoreCase);
        var valid = matching.Where(s => !s.HasDataError).ToList();
        IEnumerable<Spool> items;
        IEnumerable<Spool> readOnly = [];
        if (accion == ListAccion.MIS)
        {
            items = valid.Where(s => s.IsOccupied && s.OccupantId == workerId).OrderBy(s => s.FechaOcupacion ?? DateTime.MaxValue);
        }
        else
        {
            switch (op)
            {
                case Operacion.ARM or Operacion.SOLD:
                    items = valid.Where(s => s.FechaMateriales is not null && !s.IsOccupied && !s.IsBloqueado && !s.Complete(op)
                                             && (op == Operacion.ARM || s.SoldMayStart))
                        .OrderBy(s => DisplayInfo.Of(s).State == DisplayState.PAUSADO ? 0 : 1).ThenBy(s => s.Tag, StringComparer.OrdinalIgnoreCase);
                    break;
                case Operacion.METROLOGIA:
                    items = valid.Where(s => s.WorkComplete && !s.MetrologiaAprobada && !s.IsOccupied
                                             && s.Quality.Estado is Calidad.Ninguna or Calidad.PendienteMetrologia)
                        .OrderBy(s => MetrologyQueue.Since(plant, s) ?? DateTime.MaxValue).ThenBy(s => s.Tag, StringComparer.OrdinalIgnoreCase);
                    break;
                default:
                    items = valid.Where(s => !s.IsOccupied && s.Quality.Estado is Calidad.Rechazado or Calidad.ReparacionPausada)
                        .OrderBy(s => s.Quality.Estado == Calidad.Rechazado ? 0 : 1).ThenBy(s => s.Tag, StringComparer.OrdinalIgnoreCase);
                    readOnly = valid.Where(s => s.IsBloqueado).OrderBy(s => s.Tag, StringComparer.OrdinalIgnoreCase);
                    break;
            }
        }
        return new PickerList(View(items), View(readOnly), View(errors));

        List<SpoolView> View(IEnumerable<Spool> spools) => spools.Select(s => SpoolView.Of(s, plant, now)).ToList();
    }

    private static bool Matches(Spool s, string? search) =>
        string.IsNullOrWhiteSpace(search)
        || s.Tag.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
        || (s.Nv?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false);
}
