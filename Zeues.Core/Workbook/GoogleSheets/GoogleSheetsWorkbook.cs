using System.Text.Json;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// The plant's real spreadsheet as the workbook: every read is ONE values.batchGet of the sheets
/// asked for (unformatted values, dates as serials); every batch is ONE spreadsheets.batchUpdate.
/// </summary>
public sealed class GoogleSheetsWorkbook(SheetsClient client) : IWorkbook
{
    private IReadOnlyDictionary<string, int>? _sheetIds;

    public string Kind => "Google Sheets";

    public SheetsClient Client => client;

    public async Task<IReadOnlyDictionary<string, SheetData>> ReadAsync(IReadOnlyCollection<string> sheets, CancellationToken ct = default)
    {
        var names = sheets.ToList();
        // A sheet outside the plant's five is optional: say it is missing instead of failing the whole read.
        if (names.Except(Sheets.All).Any())
        {
            var known = await KnownSheetsAsync(names, ct);
            if (names.FirstOrDefault(n => !known.ContainsKey(n)) is { } missing) throw new WorkbookSheetMissingException(missing);
        }
        var response = await client.BatchGetAsync(names.Select(Quote), ct);
        var ranges = response.ValueRanges ?? [];
        if (ranges.Count != names.Count) throw new WorkbookUnavailableException("La planilla no devolvió todas las hojas pedidas.");
        var result = new Dictionary<string, SheetData>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var rows = ranges[i].Values ?? [];
            var header = rows.Count > 0 ? rows[0].Select(c => CellReader.Text(Value(c))).ToList() : [];
            var data = rows.Skip(1).Select((r, index) => new SheetRow(index + 2, r.Select(Value).ToList())).ToList();
            result[names[i]] = new SheetData(names[i], new HeaderMap(header), data);
        }
        return result;
    }

    public async Task ApplyAsync(WorkbookBatch batch, CancellationToken ct = default)
    {
        if (batch.IsEmpty) return;
        var ids = await SheetIdsAsync(batch.Updates.Select(u => u.Sheet).Concat(batch.Appends.Select(a => a.Sheet)).Concat(batch.Deletes.Select(d => d.Sheet)), ct);
        await client.BatchUpdateAsync(SheetsRequests.Build(batch, ids), ct);
    }

    /// <summary>Sheet ids by title, from spreadsheets.get; fetched again only if a title is unknown.</summary>
    private async Task<IReadOnlyDictionary<string, int>> SheetIdsAsync(IEnumerable<string> needed, CancellationToken ct)
    {
        var list = needed.ToList();
        var ids = await KnownSheetsAsync(list, ct);
        foreach (var name in list.Where(n => !ids.ContainsKey(n)))
            throw new WorkbookUnavailableException($"La hoja {name} no existe en la planilla.");
        return ids;
    }

    private async Task<IReadOnlyDictionary<string, int>> KnownSheetsAsync(IReadOnlyCollection<string> needed, CancellationToken ct)
    {
        if (_sheetIds is { } known && needed.All(known.ContainsKey)) return known;
        var spreadsheet = await client.GetSpreadsheetAsync(ct);
        return _sheetIds = (spreadsheet.Sheets ?? [])
            .Where(s => s.Properties?.Title is not null && s.Properties.SheetId is not null)
            .ToDictionary(s => s.Properties!.Title!, s => s.Properties!.SheetId!.Value, StringComparer.Ordinal);
    }

    private static string Quote(string sheet) => $"'{sheet.Replace("'", "''")}'";

    private static object? Value(JsonElement cell) => cell.ValueKind switch
    {
        // Google sends "" for an empty cell between filled ones; an empty cell reads as null (DOMAIN 1.4).
        JsonValueKind.String => cell.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => cell.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
