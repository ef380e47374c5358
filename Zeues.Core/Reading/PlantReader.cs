using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

/// <summary>Turns sheets (or a spool's rows) into a <see cref="PlantSnapshot"/>. The only place rows become domain objects.</summary>
public static class PlantReader
{
    /// <summary>Operaciones and Uniones always; Trabajadores, Roles and Metadata when given.</summary>
    public static PlantSnapshot Read(IReadOnlyDictionary<string, SheetData> sheets, DateTimeOffset loadedAt)
    {
        var spoolIssues = new List<DataError>();
        var unions = UnionReader.Read(sheets[Sheets.Uniones]);
        var spools = SpoolReader.Read(sheets[Sheets.Operaciones], unions, spoolIssues);
        var workerIssues = new List<DataError>();
        var workers = sheets.TryGetValue(Sheets.Trabajadores, out var trabajadores) && sheets.TryGetValue(Sheets.Roles, out var roles)
            ? WorkerReader.Read(trabajadores, roles, workerIssues)
            : new Dictionary<int, Worker>();
        var audit = sheets.TryGetValue(Sheets.Metadata, out var metadata) ? AuditLog.Of(MetadataReader.Read(metadata)) : AuditLog.Empty;
        var ends = new Dictionary<string, SheetEnd>
        {
            [Sheets.Operaciones] = EndOf(sheets[Sheets.Operaciones]),
            [Sheets.Uniones] = EndOf(sheets[Sheets.Uniones]),
        };
        return new PlantSnapshot(workers, spools, spoolIssues, workerIssues, ConsistencyWarnings.Of(spools), audit,
            sheets.ToDictionary(s => s.Key, s => s.Value.Header), ends, loadedAt);
    }

    /// <summary>The Operaciones rows of one TAG with its Uniones rows, read the way a full read reads them.</summary>
    public static IReadOnlyList<Spool> Spool(SheetData operaciones, SheetData uniones) =>
        SpoolReader.Read(operaciones, UnionReader.Read(uniones), []);

    public static IReadOnlyList<AuditEntry> Audit(SheetData metadata) => MetadataReader.Read(metadata);

    /// <summary>The key a row is recognised by when checking that rows have not moved: TAG in Operaciones, TAG and N_UNION in Uniones.</summary>
    public static string? KeyOf(SheetData sheet, SheetRow row)
    {
        var tag = CellReader.Text(sheet.Get(row, Col.TagSpool))?.ToUpperInvariant();
        return sheet.Name == Sheets.Uniones ? $"{tag}#{CellReader.Text(sheet.Get(row, Col.NUnion))}" : tag;
    }

    public static SheetEnd EndOf(SheetData sheet) =>
        sheet.Rows.LastOrDefault(r => !r.IsEmpty) is { } last ? new SheetEnd(last.RowNumber, KeyOf(sheet, last)) : SheetEnd.None;
}
