using System.Text.Json;

namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// The plant's real spreadsheet as the workbook: every read is ONE values.batchGet of the sheets
/// asked for (unformatted values, dates as serials); every batch is ONE spreadsheets.batchUpdate. A
/// command's batch carries its marker first (<see cref="CommandMarkers"/>), so Google refuses any second
/// copy of it as a whole.
/// </summary>
public sealed class GoogleSheetsWorkbook(SheetsClient client, CommandMarkers markers) : IWorkbook
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
        var touched = batch.Updates.Select(u => u.Sheet).Concat(batch.Appends.Select(a => a.Sheet)).Concat(batch.RowDeletes.Select(d => d.Sheet)).ToList();
        var (ids, added) = batch.SheetCreates.Count > 0 ? await WithCreatedSheetsAsync(batch, touched, ct) : (await SheetIdsAsync(touched, ct), []);
        var body = SheetsRequests.Build(batch, ids, added);
        var commandId = batch.Guard?.CommandId ?? Guid.Empty;
        const int markerIndex = 0;
        // The marker sits on a sheet that exists before the batch (commands never create sheets).
        if (commandId != Guid.Empty && touched.FirstOrDefault(t => !added.Contains(t)) is { } markerSheet)
            body = body with { Requests = [CommandMarkers.Add(commandId, ids[markerSheet]), .. body.Requests] };
        else commandId = Guid.Empty;
        try
        {
            var response = await client.BatchUpdateAsync(body, batch.Guard, ct);
            if (commandId != Guid.Empty) markers.Written(commandId, response, markerIndex);
        }
        catch (SheetsWriteRejectedException rejected) when (commandId != Guid.Empty && CommandMarkers.IsDuplicate(rejected, markerIndex))
        {
            throw new WorkbookAlreadyAppliedException($"La planilla ya tiene el comando {commandId}.");
        }
        catch (SheetsWriteRejectedException rejected)
        {
            throw new WorkbookUnavailableException(rejected.Message, rejected);
        }
        catch (WorkbookUnavailableException unknown) when (unknown.OutcomeUnknown && commandId != Guid.Empty)
        {
            markers.MaybeWritten(commandId);
            throw;
        }
    }

    public async Task<IReadOnlyList<string>> SheetNamesAsync(CancellationToken ct = default) => (await FreshSheetIdsAsync(ct)).Keys.ToList();

    /// <summary>
    /// A batch that creates sheets decides on the sheets as they are now (one spreadsheets.get): a
    /// missing sheet is added in the same ONE batchUpdate with a sheetId chosen here, so the header and
    /// rows of the batch can address it.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, int> Ids, IReadOnlyCollection<string> Added)> WithCreatedSheetsAsync(
        WorkbookBatch batch, IReadOnlyList<string> touched, CancellationToken ct)
    {
        var ids = new Dictionary<string, int>(await FreshSheetIdsAsync(ct), StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var create in batch.SheetCreates.Where(c => !ids.ContainsKey(c.Sheet)))
        {
            ids[create.Sheet] = NewSheetId(create.Sheet, ids.Values);
            added.Add(create.Sheet);
        }
        foreach (var name in touched.Where(n => !ids.ContainsKey(n)))
            throw new WorkbookUnavailableException($"La hoja {name} no existe en la planilla.");
        _sheetIds = null;
        return (ids, added);
    }

    /// <summary>A stable id from the title, moved on while another sheet holds it (Google refuses a taken id).</summary>
    private static int NewSheetId(string title, IEnumerable<int> taken)
    {
        var used = taken.ToHashSet();
        var hash = 2166136261u; // FNV-1a
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(title)) hash = (hash ^ b) * 16777619u;
        var id = (int)(hash % 1_000_000_000) + 1;
        while (used.Contains(id)) id++;
        return id;
    }

    private async Task<IReadOnlyDictionary<string, int>> FreshSheetIdsAsync(CancellationToken ct)
    {
        var spreadsheet = await client.GetSpreadsheetAsync(ct);
        return (spreadsheet.Sheets ?? [])
            .Where(s => s.Properties?.Title is not null && s.Properties.SheetId is not null)
            .ToDictionary(s => s.Properties!.Title!, s => s.Properties!.SheetId!.Value, StringComparer.Ordinal);
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
