using Zeues.Core.Domain;
using Zeues.Core.Queries;

namespace Zeues.Core.Workflows;

/// <summary>One previewed spool of a bulk release: its LIBERAR result, or why it was left alone.</summary>
public sealed record CloseoutItem(string Tag, CommandResult? Result, string? Omitido)
{
    public bool Succeeded => Result?.Succeeded == true;
}

/// <summary>
/// FLOOR F6: the occupations a shift left open, and their release by a supervisor. Each spool goes
/// through the normal supervisor LIBERAR command (its own id, lease, checks and audit row); this
/// class only chooses which spools, never what LIBERAR allows.
/// </summary>
public sealed class ShiftCloseout(SpoolCommands commands, SnapshotCache cache, ShiftCalendar shifts, PlantClock clock)
{
    /// <summary>Occupied spools (no data error) begun before the last shift end, oldest first.</summary>
    public async Task<IReadOnlyList<SpoolView>> OrphansAsync(CancellationToken ct = default)
    {
        var plant = await cache.GetAsync(ct);
        var now = clock.Now;
        var lastEnd = shifts.LastEnd(now);
        return plant.Spools.Where(s => s.IsOccupied && !s.HasDataError && ShiftCalendar.IsFromPreviousShift(s.FechaOcupacion, lastEnd))
            .OrderBy(s => s.FechaOcupacion).Select(s => SpoolView.Of(s, plant, now)).ToList();
    }

    /// <summary>
    /// Releases the previewed spools one by one; a failure never stops the others. A spool that is no
    /// longer the occupation previewed (closed, or taken again in this shift) is left alone.
    /// </summary>
    public async Task<IReadOnlyList<CloseoutItem>> ReleaseAsync(IReadOnlyList<SpoolView> previewed, string supervisor, string motivo,
        CancellationToken ct = default)
    {
        var items = new List<CloseoutItem>();
        foreach (var spool in previewed)
        {
            var current = (await OrphansAsync(ct)).FirstOrDefault(o => string.Equals(o.Tag, spool.Tag, StringComparison.OrdinalIgnoreCase));
            if (current is null || current.Occupant != spool.Occupant || current.OccupiedSince != spool.OccupiedSince)
            {
                items.Add(new CloseoutItem(spool.Tag, null, "ya no está sin cierre de turno"));
                continue;
            }
            var result = await commands.ExecuteAsync(new CommandRequest(Guid.NewGuid(), CommandType.LIBERAR, spool.Tag, Actor.ForSupervisor(supervisor), Texto: motivo), ct);
            items.Add(new CloseoutItem(spool.Tag, result, null));
        }
        return items;
    }
}
