namespace Zeues.Core.Workbook.GoogleSheets;

/// <summary>
/// The plant's real spreadsheet as the workbook: every read is ONE values.batchGet of the sheets or
/// A1 ranges asked for (unformatted values, dates as serials); every batch is ONE spreadsheets.batchUpdate.
/// A command's batch carries its marker first (<see cref="CommandMarkers"/>), so Google refuses any
/// second copy of it as a whole.
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

    public async Task<IReadOnlyList<IReadOnlyList<SheetRow>>> ReadRowsAsync(IReadOnlyList<RowBlock> blocks, CancellationToken ct = default)
    {
        IReadOnlyList<RowBlock?> asked = blocks;
        BatchGetValuesResponse response;
        try
        {
            response = await client.BatchGetAsync(blocks.Select(A1), ct);
        }
        catch (WorkbookUnavailableException refused) when (refused.InnerException is SheetsRangeOutsideGridException)
        {
            // The office deleted rows since this node last read: a remembered row, or the first row of a tail, now lies
            // past the sheet's end, and Google refuses the whole call. A row that is not there reads as absent, as in
            // any store: the command then finds its rows moved and looks them up by TAG.
            asked = await WithinGridAsync(blocks, ct);
            response = asked.Any(b => b is not null) ? await client.BatchGetAsync(asked.OfType<RowBlock>().Select(A1), ct) : new(null, []);
        }
        var ranges = response.ValueRanges ?? [];
        if (ranges.Count != asked.Count(b => b is not null)) throw new WorkbookUnavailableException("La planilla no devolvió todos los rangos pedidos.");
        var answers = new List<IReadOnlyList<SheetRow>>(blocks.Count);
        var next = 0;
        foreach (var block in asked)
        {
            // Google answers a range from its first row, with [] for an empty row and nothing past the last filled one.
            answers.Add(block is null ? [] : (ranges[next++].Values ?? [])
                .Select((r, index) => new SheetRow(block.First + index, r.Select(Value).ToList()))
                .Where(r => r.Cells.Count > 0)
                .ToList());
        }
        return answers;
    }

    /// <summary>The blocks cut to each sheet's grid as it is now (one spreadsheets.get); null for a block wholly past the end.</summary>
    private async Task<IReadOnlyList<RowBlock?>> WithinGridAsync(IReadOnlyList<RowBlock> blocks, CancellationToken ct)
    {
        var grids = ((await client.GetSpreadsheetAsync(ct)).Sheets ?? [])
            .Where(s => s.Properties?.Title is not null && s.Properties.GridProperties is not null)
            .ToDictionary(s => s.Properties!.Title!, s => s.Properties!.GridProperties!, StringComparer.Ordinal);
        return blocks.Select(block =>
        {
            if (!grids.TryGetValue(block.Sheet, out var grid) || grid.RowCount is not { } rows) return block;
            if (block.First > rows) return null;
            return block with
            {
                Last = block.Last is { } last ? Math.Min(last, rows) : null,
                Width = block.Width is { } width && grid.ColumnCount is { } columns ? Math.Min(width, columns) : block.Width,
            };
        }).ToList();
    }

    /// <summary>One batchGet of the key columns, then one of the rows that hold the keys.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<SheetRow>>> FindRowsAsync(IReadOnlyList<KeyLookup> lookups, CancellationToken ct = default)
    {
        var columns = lookups.Select(l => l.Header.IndexOf(l.Column)).ToList();
        if (columns.Any(c => c < 0)) throw new WorkbookUnavailableException("La columna clave no está en la planilla.");
        var response = await client.BatchGetAsync(lookups.Select((l, i) => $"{Quote(l.Sheet)}!{ColumnName(columns[i] + 1)}:{ColumnName(columns[i] + 1)}"), ct);
        var ranges = response.ValueRanges ?? [];
        if (ranges.Count != lookups.Count) throw new WorkbookUnavailableException("La planilla no devolvió todos los rangos pedidos.");
        var found = lookups.Select((l, i) => (ranges[i].Values ?? [])
            .Select((r, index) => (Row: index + 1, Key: r.Count > 0 ? CellReader.Text(Value(r[0])) : null))
            .Where(c => c.Row > 1 && string.Equals(c.Key, l.Key.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Row).ToList()).ToList();
        var blocks = lookups.SelectMany((l, i) => found[i].Select(row => new RowBlock(l.Sheet, row, row))).ToList();
        var rows = blocks.Count == 0 ? [] : await ReadRowsAsync(blocks, ct);
        var result = new List<IReadOnlyList<SheetRow>>();
        var next = 0;
        foreach (var rowsOfLookup in found)
        {
            result.Add(rows.Skip(next).Take(rowsOfLookup.Count).SelectMany(r => r).ToList());
            next += rowsOfLookup.Count;
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

    /// <summary>A closed block as whole rows ('Operaciones'!5:5); an open one as A{first}:{last column} ('Metadata'!A1201:K); all of a sheet as its name.</summary>
    private static string A1(RowBlock block) => block switch
    {
        { Last: { } last } => $"{Quote(block.Sheet)}!{block.First}:{last}",
        { First: 1, Width: null } => Quote(block.Sheet),
        { Width: { } width } => $"{Quote(block.Sheet)}!A{block.First}:{ColumnName(width)}",
        _ => throw new ArgumentException("An open block below row 1 needs its width", nameof(block)),
    };

    /// <summary>1 → A, 26 → Z, 27 → AA.</summary>
    public static string ColumnName(int count)
    {
        var name = "";
        for (var n = Math.Max(count, 1); n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    // Google sends "" for an empty cell between filled ones; an empty cell reads as null (DOMAIN 1.4).
    private static object? Value(object? cell) => cell is string { Length: 0 } ? null : cell;
}
