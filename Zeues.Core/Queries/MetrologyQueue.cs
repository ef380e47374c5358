using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

internal static class MetrologyQueue
{
    /// <summary>In queue since: the last METROLOGIA_LISTA timestamp, else the later completion date (DOMAIN 7.2).</summary>
    public static DateTime? Since(PlantSnapshot plant, Spool s)
    {
        var listed = plant.Audit.OfTag(s.Tag).LastOrDefault(e => e.EventoTipo == AuditEvent.MetrologiaLista && e.Timestamp is not null);
        if (listed is not null) return listed.Timestamp;
        var dates = new[] { s.FechaArmado, s.FechaSoldadura }.Where(d => d is not null).Select(d => d!.Value.ToDateTime(TimeOnly.MinValue)).ToList();
        return dates.Count > 0 ? dates.Max() : null;
    }
}
