using System.Text.Json.Nodes;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.3: v4 finish with the unions worked; PAUSAR or COMPLETAR follows from the unions, zero unions = CANCELAR.</summary>
internal static class Finalizar
{
    public static SpoolChange Decide(CommandContext ctx)
    {
        var s = ctx.Spool;
        var op = ctx.Op;
        var requested = (ctx.Request.Unions ?? []).Select(u => u.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var byId = s.Unions.ToDictionary(s.UnionId, StringComparer.OrdinalIgnoreCase);

        if (requested.Count == 0) return Cancelar.Release(ctx, op, "sin_uniones_seleccionadas");

        var selected = requested.Select(id => byId[id]).OrderBy(u => u.NUnion).ToList();
        var inicio = s.FechaOcupacion ?? ctx.Now;
        var worked = selected.Select(u => op == Operacion.ARM
            ? u with { ArmInicio = inicio, ArmFin = ctx.Now, ArmWorker = ctx.Token }
            : u with { SolInicio = inicio, SolFin = ctx.Now, SolWorker = ctx.Token }).ToList();
        var unions = s.Unions.Select(u => worked.FirstOrDefault(w => w.NUnion == u.NUnion) ?? u).ToList();

        var after = Occupation.Clear(s with { Unions = unions });
        var completes = after.Complete(op);
        if (completes)
        {
            after = op == Operacion.ARM
                ? after with { FechaArmado = ctx.Today, Armador = ctx.Token }
                : after with { FechaSoldadura = ctx.Today, Soldador = ctx.Token };
        }

        var pulgadas = selected.Sum(u => u.Dn);
        var progress = op == Operacion.ARM ? after.ArmProgress : after.SoldProgress;
        var json = Occupation.Ending(ctx);
        json["union_ids"] = new JsonArray(selected.Select(u => (JsonNode?)JsonValue.Create(s.UnionId(u))).ToArray());
        json["unions_processed"] = selected.Count;
        json["pulgadas"] = pulgadas;
        json["done"] = progress.Done;
        json["total"] = progress.Total;
        if (completes) json["fecha_operacion"] = CellWriter.Date(ctx.Today);

        var events = new List<AuditEvent>
        {
            AuditEvent.Main(completes ? AuditEvent.CompletarSpool : AuditEvent.PausarSpool, op, completes ? "COMPLETAR" : "PAUSAR", json),
        };
        events.AddRange(worked.Select(u => UnionEvent(ctx, op, s.UnionId(u), u, inicio)));
        var lista = !s.WorkComplete && after.WorkComplete;
        if (lista) events.Add(AuditEvent.Lista(op.ToString(), after.Quality.Ciclo));

        var mensaje = completes
            ? Messages.Completado(op, s.Tag, selected.Count, pulgadas)
            : Messages.Pausado(s.Tag, selected.Count, pulgadas);
        if (lista) mensaje += Messages.ListoParaMetrologia;
        return new SpoolChange(after, events, completes ? Resultado.COMPLETADO : Resultado.PAUSADO, mensaje, selected.Count, pulgadas);
    }

    private static AuditEvent UnionEvent(CommandContext ctx, Operacion op, string id, Union u, DateTime inicio) =>
        new(op == Operacion.ARM ? AuditEvent.UnionArm : AuditEvent.UnionSold, op.ToString(), "REGISTRAR", new JsonObject
        {
            ["union_id"] = id,
            ["dn_union"] = u.Dn,
            ["tipo"] = u.Tipo,
            ["inicio"] = CellWriter.Timestamp(inicio),
            ["fin"] = CellWriter.Timestamp(ctx.Now),
            ["duracion_min"] = Durations.WholeMinutes(inicio, ctx.Now),
        }, u.NUnion);
}
