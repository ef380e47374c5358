using System.Text.Json;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;

namespace Zeues.Core.Queries;

/// <summary>
/// Between the rows a command read and wrote and the <see cref="ChangedRows"/> it announces: built
/// from the raw rows plus the batch's cells on the announcing node, read back through the same
/// readers as any sheet on the receiving nodes.
/// </summary>
public static class AnnouncedRows
{
    /// <summary>The rows of the TAG after the batch, and the Metadata rows it appended at their expected row numbers.</summary>
    public static ChangedRows Of(SpoolRead read, WorkbookBatch batch, int lastMetadataRow)
    {
        IReadOnlyList<RowImage> Images(string sheet, IReadOnlyList<SheetRow> rows)
        {
            var header = read.Headers[sheet];
            var columns = WorkbookSchema.Critical[sheet].Concat(WorkbookSchema.Expected[sheet]).Where(header.Has).ToList();
            return rows.Select(row =>
            {
                var cells = columns.ToDictionary(c => c, c => row[header.IndexOf(c)]);
                foreach (var update in batch.Updates.Where(u => u.Sheet == sheet && u.Row == row.RowNumber))
                {
                    var column = columns.FirstOrDefault(c => header.IndexOf(c) == header.IndexOf(update.Column));
                    if (column is not null) cells[column] = Stored(update.Value);
                }
                return new RowImage(row.RowNumber, cells);
            }).ToList();
        }

        var metadata = batch.Appends.Where(a => a.Sheet == Sheets.Metadata)
            .Select((a, i) => new RowImage(lastMetadataRow + i + 1, a.Values.ToDictionary(v => v.Key, v => Stored(v.Value)))).ToList();
        return new ChangedRows(Images(Sheets.Operaciones, read.OperacionesRows), Images(Sheets.Uniones, read.UnionRows), metadata);
    }

    /// <summary>The receiving node's rows for the TAG are where the announcing node found them.</summary>
    public static bool LinesUpWith(this ChangedRows rows, IReadOnlyList<Spool> known) =>
        known.Count > 0
        && known.Select(s => s.RowNumber).Order().SequenceEqual(rows.Operaciones.Select(r => r.Row).Order())
        && known.SelectMany(s => s.Unions.Select(u => u.RowNumber)).Order().SequenceEqual(rows.Spools().SelectMany(s => s.Unions.Select(u => u.RowNumber)).Order());

    public static IReadOnlyList<Spool> Spools(this ChangedRows rows) =>
        PlantReader.Spool(Sheet(Sheets.Operaciones, rows.Operaciones), Sheet(Sheets.Uniones, rows.Uniones));

    public static IReadOnlyList<AuditEntry> Audit(this ChangedRows rows) => PlantReader.Audit(Sheet(Sheets.Metadata, rows.Metadata));

    private static SheetData Sheet(string name, IReadOnlyList<RowImage> images)
    {
        var columns = images.SelectMany(i => i.Cells.Keys).Distinct().ToList();
        var header = new HeaderMap(columns.Cast<string?>().ToList());
        return new SheetData(name, header, images.Select(i => new SheetRow(i.Row, columns.Select(c => Cell(i.Cells.GetValueOrDefault(c))).ToList())).ToList());
    }

    /// <summary>How the store keeps a written value (numbers as doubles), so the receiver parses what a read would return.</summary>
    private static object? Stored(object? value) => value switch
    {
        string { Length: 0 } => null,
        int i => (double)i,
        long l => (double)l,
        decimal m => (double)m,
        _ => value,
    };

    /// <summary>After a trip through JSON a cell arrives as a JsonElement.</summary>
    private static object? Cell(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        JsonElement => null,
        _ => Stored(value),
    };
}
