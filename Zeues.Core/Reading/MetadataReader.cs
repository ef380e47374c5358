using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

internal static class MetadataReader
{
    public static IReadOnlyList<AuditEntry> Read(SheetData sheet)
    {
        var entries = new List<AuditEntry>(sheet.Rows.Count);
        // Event names, TAGs, workers, operations and the ids of a command's rows repeat from row to row:
        // one string each for the whole log instead of one per cell.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Shared(string? text) => text is null ? null : shared.TryAdd(text, text) ? text : shared[text];
        foreach (var row in sheet.Rows)
        {
            if (row.IsEmpty) continue;
            var cells = new RowCells(sheet, row);
            var timestamp = cells.Timestamp(Col.Timestamp);
            var text = cells.Text(Col.MetadataJson);
            var json = default(MetadataJson);
            var jsonOk = text is null || MetadataJson.TryParse(text, out json);
            var raw = Shared(cells.Text(Col.EventoTipo));
            var (evento, operacion) = Canonical(raw, Shared(cells.Text(Col.Operacion)), json);
            CellReader.TryInteger(cells.Raw(Col.MetaWorkerId), out var workerId);
            CellReader.TryInteger(cells.Raw(Col.NUnion), out var nUnion);
            entries.Add(new AuditEntry(
                row.RowNumber, Shared(cells.Text(Col.Id)?.ToLowerInvariant()), timestamp, Shared(evento)!, raw, Shared(cells.Text(Col.TagSpool)),
                (int?)workerId, Shared(cells.Text(Col.WorkerNombre)), operacion, Shared(cells.Text(Col.Accion)), json, (int?)nUnion,
                Legible: timestamp is not null && jsonOk && cells.Errors.Count == 0));
        }
        return entries;
    }

    /// <summary>DOMAIN 6.3: older names read as the current vocabulary.</summary>
    private static (string Evento, string? Operacion) Canonical(string? raw, string? operacion, MetadataJson json)
    {
        var name = raw?.Trim().ToUpperInvariant() ?? "";
        return name switch
        {
            "TOMAR_SPOOL" => ("INICIAR_SPOOL", operacion),
            "COMPLETAR_ARM" => ("COMPLETAR_SPOOL", "ARM"),
            "COMPLETAR_SOLD" => ("COMPLETAR_SPOOL", "SOLD"),
            "SPOOL_CANCELADO" => ("CANCELAR_SPOOL", operacion),
            "COMPLETAR_METROLOGIA" => (json.Text("resultado") == "APROBADO" ? "METROLOGIA_APROBADA" : "METROLOGIA_RECHAZADA", "METROLOGIA"),
            "TOMAR_REPARACION" => ("INICIAR_SPOOL", "REPARACION"),
            "PAUSAR_REPARACION" => ("PAUSAR_SPOOL", "REPARACION"),
            "COMPLETAR_REPARACION" => ("COMPLETAR_SPOOL", "REPARACION"),
            "CANCELAR_REPARACION" => ("CANCELAR_SPOOL", "REPARACION"),
            _ => (name, operacion),
        };
    }
}
