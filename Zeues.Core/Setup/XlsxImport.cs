using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;
using Zeues.Core.Workbook.Sqlite;

namespace Zeues.Core.Setup;

/// <summary>A failure the person running the import can fix; the message says what, in Spanish.</summary>
public sealed class XlsxImportException(string message) : Exception(message);

/// <summary>What an import loaded: data rows per sheet, expected columns it added, and the plant as ZEUES reads it.</summary>
public sealed record XlsxImportResult(
    string WorkbookPath,
    IReadOnlyDictionary<string, int> Rows,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AddedColumns,
    PlantSnapshot Plant)
{
    /// <summary>Every data error ZEUES finds reading the imported workbook, as the admin view lists them.</summary>
    public IReadOnlyList<DataError> DataErrors => [.. Plant.Spools.SelectMany(s => s.DataErrors), .. Plant.Issues];
}

/// <summary>
/// Loads a .xlsx download of the plant spreadsheet into the embedded workbook, so a plant can try
/// ZEUES on its own data without Google credentials. Header rows are copied as they are (unknown
/// columns kept, DOMAIN 1.2) and cells unformatted (DOMAIN 1.4), so ZEUES reads the same values the
/// Google API would give it.
/// </summary>
public static class XlsxImport
{
    public static async Task<XlsxImportResult> RunAsync(string xlsxPath, SqliteWorkbook workbook, bool force, CancellationToken ct = default)
    {
        var sheets = ReadSheets(xlsxPath);
        if (!force && await workbook.HasDataAsync(ct))
            throw new XlsxImportException($"El libro {workbook.Path} ya tiene datos. Use --force para reemplazarlo por {xlsxPath}.");

        await workbook.ReplaceSheetsAsync(sheets, ct);
        var added = sheets.ToDictionary(
            s => s.Sheet,
            s => (IReadOnlyList<string>)new HeaderMap(s.Rows[0].Cells.Select(CellReader.Text).ToList()).Missing(WorkbookSchema.Expected[s.Sheet]).ToList());
        await SqliteWorkbookInitializer.AddExpectedColumnsAsync(workbook, ct);

        var plant = PlantReader.Read(await workbook.ReadAsync(Sheets.All, ct), DateTimeOffset.UtcNow);
        var rows = sheets.ToDictionary(s => s.Sheet, s => s.Rows.Count - 1);
        return new XlsxImportResult(workbook.Path, rows, added, plant);
    }

    /// <summary>The five sheets, each header row first, then its non-empty data rows with their sheet row numbers.</summary>
    private static List<(string Sheet, IReadOnlyList<SheetRow> Rows)> ReadSheets(string path)
    {
        using var file = XlsxFile.Open(path);
        var read = Sheets.All.Select(name => (Sheet: name, Rows: file.ReadSheet(name))).ToList();
        var missing = read.Where(s => s.Rows is null).Select(s => s.Sheet).ToList();
        if (missing.Count > 0)
            throw new XlsxImportException(missing.Count == 1
                ? $"Falta la hoja {missing[0]} en {path}."
                : $"Faltan las hojas {string.Join(", ", missing)} en {path}.");

        var sheets = new List<(string Sheet, IReadOnlyList<SheetRow> Rows)>();
        foreach (var (sheet, rows) in read)
        {
            var header = rows!.FirstOrDefault(r => r.RowNumber == 1);
            if (header is null || header.IsEmpty) throw new XlsxImportException($"La hoja {sheet} no tiene encabezados en la fila 1.");
            // Blank rows (often just formatting left by the office) carry nothing to import.
            sheets.Add((sheet, [header, .. rows!.Where(r => r.RowNumber > 1 && !r.IsEmpty)]));
        }
        return sheets;
    }
}
