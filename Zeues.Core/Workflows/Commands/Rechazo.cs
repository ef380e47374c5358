using System.Text.Json.Nodes;
using Zeues.Core.Domain;

namespace Zeues.Core.Workflows.Commands;

/// <summary>
/// FLOOR F4: a RECHAZADO says why (motivo, detalle) and, on v4, which unions. Checked right after the
/// inspector's role (DOMAIN 4.7 #1), before any state precondition.
/// </summary>
internal static class Rechazo
{
    /// <summary>The request's own fields: motivo present, detalle within 200 characters and present for OTRO.</summary>
    public static void CheckInput(CommandRequest r)
    {
        if (r.Type != CommandType.METROLOGIA || r.Resultado != ResultadoMetrologia.RECHAZADO) return;
        if (r.Motivo is not { } motivo)
            throw Errors.Entrada("un RECHAZADO necesita el motivo (POROSIDAD, FALTA_FUSION, SOCAVADURA, DESALINEACION, DIMENSIONAL u OTRO)").Throw();
        var detalle = Detalle(r);
        if (detalle?.Length > MotivoRechazoText.DetalleMaxLength)
            throw Errors.Entrada($"el detalle del rechazo admite hasta {MotivoRechazoText.DetalleMaxLength} caracteres").Throw();
        if (motivo == MotivoRechazo.OTRO && detalle is null) throw Errors.Entrada("el motivo OTRO necesita un detalle").Throw();
    }

    /// <summary>The rejected unions; the rule book (CommandRules) already refused any id that is not one of this spool with work done.</summary>
    public static IReadOnlyList<Union> Unions(CommandContext ctx)
    {
        var s = ctx.Spool;
        var byId = s.Unions.ToDictionary(s.UnionId, StringComparer.OrdinalIgnoreCase);
        return (ctx.Request.Unions ?? []).Select(u => u.Trim()).Where(byId.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => byId[id]).OrderBy(u => u.NUnion).ToList();
    }

    /// <summary>The METROLOGIA_RECHAZADA keys F4 adds: motivo, detalle, union_ids.</summary>
    public static void AddTo(JsonObject json, CommandContext ctx, IReadOnlyList<Union> unions)
    {
        json["motivo"] = ctx.Request.Motivo?.ToString();
        json["detalle"] = Detalle(ctx.Request);
        json["union_ids"] = new JsonArray(unions.Select(u => (JsonNode?)JsonValue.Create(ctx.Spool.UnionId(u))).ToArray());
    }

    private static string? Detalle(CommandRequest r) =>
        string.IsNullOrWhiteSpace(r.Detalle) ? null : NotaText.Clean(r.Detalle);
}
