using System.Text.Json;
using System.Text.Json.Nodes;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

internal static class MetadataReader
{
    public static IReadOnlyList<AuditEntry> Read(SheetData sheet)
    {
        var entries = new List<AuditEntry>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            if (row.IsEmpty) continue;
            var cells = new RowCells(sheet, row);
            var timestamp = cells.Timestamp(Col.Timestamp);
            var json = ParseJson(cells.Text(Col.MetadataJson), out var jsonOk);
            var raw = cells.Text(Col.EventoTipo);
            var (evento, operacion) = Canonical(raw, cells.Text(Col.Operacion), json);
            CellReader.TryInteger(cells.Raw(Col.MetaWorkerId), out var workerId);
            CellReader.TryInteger(cells.Raw(Col.NUnion), out var nUnion);
            entries.Add(new AuditEntry(
                row.RowNumber, cells.Text(Col.Id)?.ToLowerInvariant(), timestamp, evento, raw, cells.Text(Col.TagSpool),
                (int?)workerId, cells.Text(Col.WorkerNombre), operacion, cells.Text(Col.Accion), json, (int?)nUnion,
                Legible: timestamp is not null && jsonOk && cells.Errors.Count == 0));
        }
        return entries;
    }

    private static JsonObject? ParseJson(string? text, out bool ok)
    {
        ok = true;
        if (text is null) return null;
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            ok = false;
            return null;
        }
    }

    /// <summary>DOMAIN 6.3: older names read as the current vocabulary.</summary>
    private static (string Evento, string? Operacion) Canonical(string? raw, string? operacion, JsonObject? json)
    {
        var name = raw?.Trim().ToUpperInvariant() ?? "";
        return name switch
        {
            "TOMAR_SPOOL" => ("INICIAR_SPOOL", operacion),
            "COMPLETAR_ARM" => ("COMPLETAR_SPOOL", "ARM"),
            "COMPLETAR_SOLD" => ("COMPLETAR_SPOOL", "SOLD"),
            "SPOOL_CANCELADO" => ("CANCELAR_SPOOL", operacion),
            "COMPLETAR_METROLOGIA" => (json?["resultado"] is JsonValue r && r.TryGetValue<string>(out var res) && res == "APROBADO" ? "METROLOGIA_APROBADA" : "METROLOGIA_RECHAZADA", "METROLOGIA"),
            "TOMAR_REPARACION" => ("INICIAR_SPOOL", "REPARACION"),
            "PAUSAR_REPARACION" => ("PAUSAR_SPOOL", "REPARACION"),
            "COMPLETAR_REPARACION" => ("COMPLETAR_SPOOL", "REPARACION"),
            "CANCELAR_REPARACION" => ("CANCELAR_SPOOL", "REPARACION"),
            _ => (name, operacion),
        };
    }
}
