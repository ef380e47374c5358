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
        Build(Usable(await cache.GetAsync(ct)), op, accion, workerId, search, clock.Now);

    public async Task<IReadOnlyList<SpoolView>> MineAsync(int workerId, CancellationToken ct = default) =>
        Build(Usable(await cache.GetAsync(ct)), Operacion.ARM, ListAccion.MIS, workerId, null, clock.Now).Items;

    public async Task<SpoolView?> FindAsync(string tag, CancellationToken ct = default)
    {
        var plant = await cache.GetAsync(ct);
        return plant.Find(tag) is { } s ? SpoolView.Of(s, plant, clock.Now) : null;
    }

    /// <summary>DOMAIN 1.2: a list needs every critical column; without one it answers ESQUEMA_INVALIDO instead of rows.</summary>
    public static PlantSnapshot Usable(PlantSnapshot plant) => plant.Schema.Error is { } error ? throw error.Throw() : plant;

    /// <summary>The command a picker tab runs on a spool: INICIAR, or the inspection on the METROLOGIA tab.</summary>
    public static CommandRequest TabCommand(Operacion op, Actor actor) => op == Operacion.METROLOGIA
        ? new CommandRequest(Guid.Empty, CommandType.METROLOGIA, "", actor, Resultado: ResultadoMetrologia.APROBADO)
        : new CommandRequest(Guid.Empty, CommandType.INICIAR, "", actor, op);

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
            // Membership is the tab command's own rule book answer, judged for any worker holding the role.
            var command = TabCommand(op, new Actor(null, null));
            var refusals = valid.ToDictionary(s => s, s => CommandRules.Check(s, null, command));
            var allowed = valid.Where(s => refusals[s] is null);
            items = op switch
            {
                Operacion.ARM or Operacion.SOLD => allowed
                    .OrderBy(s => DisplayInfo.Of(s).State == DisplayState.PAUSADO ? 0 : 1).ThenBy(s => s.Tag, StringComparer.OrdinalIgnoreCase),
                Operacion.METROLOGIA => allowed
                    .OrderBy(s => MetrologyQueue.Since(plant, s) ?? DateTime.MaxValue).ThenBy(s => s.Tag, StringComparer.OrdinalIgnoreCase),
                _ => allowed.OrderBy(s => s.Quality.Estado == Calidad.Rechazado ? 0 : 1).ThenBy(s => s.Tag, StringComparer.OrdinalIgnoreCase),
            };
            // UX 4.2: a BLOQUEADO spool stays visible, read-only, on the repair tab.
            if (op == Operacion.REPARACION)
                readOnly = valid.Where(s => refusals[s]?.Code == ErrorCode.SPOOL_BLOQUEADO).OrderBy(s => s.Tag, StringComparer.OrdinalIgnoreCase);
        }
        return new PickerList(View(items), View(readOnly), View(errors));

        List<SpoolView> View(IEnumerable<Spool> spools) => spools.Select(s => SpoolView.Of(s, plant, now)).ToList();
    }

    /// <summary>The admin's LIBERAR and DESBLOQUEAR lists: the spools on which the supervisor command is allowed now (none without a critical column).</summary>
    public static IReadOnlyList<SpoolView> ForSupervisor(PlantSnapshot plant, CommandType type, DateTime now)
    {
        if (plant.Schema.Error is not null) return [];
        var supervisor = Actor.ForSupervisor("SUPERVISOR");
        return plant.Spools.Where(s => CommandRules.Allows(s, null, new CommandRequest(Guid.Empty, type, s.Tag, supervisor)))
            .Select(s => SpoolView.Of(s, plant, now)).ToList();
    }

    public static bool Matches(Spool s, string? search) =>
        string.IsNullOrWhiteSpace(search)
        || s.Tag.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
        || (s.Nv?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false);
}
