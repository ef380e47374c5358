using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

/// <summary>
/// FLOOR F4: the last metrology rejection of a spool still in its repair track, so the repairer knows
/// what to fix. Older rejections recorded no motivo; theirs reads null.
/// </summary>
public sealed record UltimoRechazo(string? Motivo, string? Detalle, IReadOnlyList<string> Uniones, string? Inspector, DateTime? Fecha, int Ciclo)
{
    /// <summary>The motivo as screens show it ("FALTA DE FUSIÓN"), or "sin motivo registrado".</summary>
    public string MotivoLabel => MotivoRechazoText.TryParse(Motivo, out var m) ? m.Label() : "sin motivo registrado";

    public static UltimoRechazo? Of(Spool s, PlantSnapshot plant)
    {
        if (s.Quality.Ciclo < 1 || s.MetrologiaAprobada || plant.LastRejection(s.Tag) is not { } e) return null;
        return From(e, s.Quality.Ciclo);
    }

    public static UltimoRechazo From(AuditEntry e, int ciclo) => new(
        e.JsonText("motivo"), e.JsonText("detalle"), UnionIds(e), e.WorkerNombre, e.Timestamp, e.JsonInt("ciclo") ?? ciclo);

    public static IReadOnlyList<string> UnionIds(AuditEntry e) => e.Json.Strings("union_ids");
}
