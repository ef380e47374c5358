namespace Zeues.Core.Workbook;

/// <summary>The plant spreadsheet port: the embedded SQLite workbook or Google Sheets.</summary>
public interface IWorkbook
{
    /// <summary>Human name of the store for health views ("Google Sheets", "SQLite").</summary>
    string Kind { get; }

    /// <summary>Reads the given sheets, header and data together, in one store call.</summary>
    Task<IReadOnlyDictionary<string, SheetData>> ReadAsync(IReadOnlyCollection<string> sheets, CancellationToken ct = default);

    /// <summary>The names of the sheets the store has now (a sheet ZEUES may have to create, such as Parte_Diario).</summary>
    Task<IReadOnlyList<string>> SheetNamesAsync(CancellationToken ct = default);

    /// <summary>
    /// Reads blocks of rows in one store call (DOMAIN 1.6: the targeted read). Each answer holds the
    /// rows of its block that hold data, with their row numbers; a block past the end answers none.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<SheetRow>>> ReadRowsAsync(IReadOnlyList<RowBlock> blocks, CancellationToken ct = default);

    /// <summary>The rows holding each key, wherever the office has moved them: how a spool is relocated.</summary>
    Task<IReadOnlyList<IReadOnlyList<SheetRow>>> FindRowsAsync(IReadOnlyList<KeyLookup> lookups, CancellationToken ct = default);

    /// <summary>Applies every update and append of the batch atomically.</summary>
    Task ApplyAsync(WorkbookBatch batch, CancellationToken ct = default);
}
