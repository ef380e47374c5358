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
        // Its length was checked with the request (RequestShape).
        var texto = NotaText.Clean(ctx.Request.Texto);
        var notas = NotaText.Append(s.Notas, NotaText.Line(ctx.Today, texto)) ?? throw Errors.NotasLlenas(s.Tag).Throw();
        var after = s with { Notas = notas };
        var json = new JsonObject { ["texto"] = texto };
        if (ctx.Request.Actor.IsSupervisor) json["supervisor"] = ctx.Supervisor;
        return new SpoolChange(after, [AuditEvent.Main(AuditEvent.NotaAgregada, Operacion.NOTA, "AGREGAR", json)], Resultado.NOTA_AGREGADA,
            Messages.NotaAgregada(s.Tag));
    }
}
