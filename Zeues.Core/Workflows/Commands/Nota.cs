using System.Text.Json.Nodes;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.8: append "YYYYMMDD: texto" to Notas; allowed on data-error spools too.</summary>
internal static class Nota
{
    public static SpoolChange Decide(CommandContext ctx)
    {
        var s = ctx.Spool;
        var texto = NotaText.Clean(ctx.Request.Texto);
        var line = NotaText.Line(ctx.Today, texto);
        var after = s with { Notas = s.Notas is null ? line : s.Notas + "\n" + line };
        var json = new JsonObject { ["texto"] = texto };
        if (ctx.Request.Actor.IsSupervisor) json["supervisor"] = ctx.Supervisor;
        return new SpoolChange(after, [AuditEvent.Main(AuditEvent.NotaAgregada, Operacion.NOTA, "AGREGAR", json)], Resultado.NOTA_AGREGADA,
            Messages.NotaAgregada(s.Tag));
    }
}
