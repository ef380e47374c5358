using System.Text.Json.Nodes;
using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows.Commands;

/// <summary>DOMAIN 4.8: append "YYYYMMDD: texto" to Notas; allowed on data-error spools too.</summary>
internal static class Nota
{
    public const int MaxLength = 500;

    public static string Clean(string? texto) =>
        string.Join(' ', (texto ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    public static string Line(DateOnly today, string texto) => $"{CellWriter.DayStamp(today)}: {texto}";

    public static SpoolChange Decide(CommandContext ctx)
    {
        var s = ctx.Spool;
        var texto = Clean(ctx.Request.Texto);
        if (texto.Length is 0 or > MaxLength) throw Errors.Entrada($"la nota debe tener entre 1 y {MaxLength} caracteres").Throw();
        var line = Line(ctx.Today, texto);
        var after = s with { Notas = s.Notas is null ? line : s.Notas + "\n" + line };
        var json = new JsonObject { ["texto"] = texto };
        if (ctx.Request.Actor.IsSupervisor) json["supervisor"] = ctx.Supervisor;
        return new SpoolChange(after, [AuditEvent.Main(AuditEvent.NotaAgregada, Operacion.NOTA, "AGREGAR", json)], Resultado.NOTA_AGREGADA,
            Messages.NotaAgregada(s.Tag));
    }
}
