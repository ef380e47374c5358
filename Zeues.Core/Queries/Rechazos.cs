using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

public sealed record RechazoCount(string Clave, string Etiqueta, int Cantidad);

/// <summary>
/// FLOOR F4 board block "RECHAZOS (30 DÍAS)": rejections by motivo, and rejected unions by the worker
/// who welded them (who armed them for unions that take no weld).
/// </summary>
public sealed record RechazosResumen(int Total, IReadOnlyList<RechazoCount> PorMotivo, IReadOnlyList<RechazoCount> PorSoldador)
{
    public const int Dias = 30;

    public static RechazosResumen Build(PlantSnapshot plant, DateTime now)
    {
        var since = now.AddDays(-Dias);
        var recent = plant.Metadata.Where(e => e.EventoTipo == AuditEvent.MetrologiaRechazada && e.Timestamp >= since && e.Timestamp <= now).ToList();

        var porMotivo = recent
            .GroupBy(e => MotivoRechazoText.TryParse(e.JsonText("motivo"), out var m) ? m.ToString() : "SIN_MOTIVO")
            .Select(g => new RechazoCount(g.Key, MotivoRechazoText.TryParse(g.Key, out var m) ? m.Label() : "SIN MOTIVO", g.Count()))
            .OrderByDescending(c => c.Cantidad).ThenBy(c => c.Clave, StringComparer.Ordinal).ToList();

        var workers = new List<string>();
        foreach (var e in recent)
        {
            if (e.Tag is null || plant.Find(e.Tag) is not { } spool) continue;
            foreach (var id in UltimoRechazo.UnionIds(e))
            {
                var union = spool.Unions.FirstOrDefault(u => string.Equals(spool.UnionId(u), id, StringComparison.OrdinalIgnoreCase));
                if ((union?.SolWorker ?? union?.ArmWorker) is { } token) workers.Add(token);
            }
        }
        var porSoldador = workers
            .GroupBy(t => WorkerToken.IdOf(t)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? t, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var token = g.First();
                var nombre = WorkerToken.IdOf(token) is { } id && plant.Workers.TryGetValue(id, out var w) ? $"{token} {w.NombreCompleto}" : token;
                return new RechazoCount(token, nombre, g.Count());
            })
            .OrderByDescending(c => c.Cantidad).ThenBy(c => c.Clave, StringComparer.Ordinal).ToList();
        return new RechazosResumen(recent.Count, porMotivo, porSoldador);
    }
}
