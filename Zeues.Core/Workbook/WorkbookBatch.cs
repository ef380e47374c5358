namespace Zeues.Core.Workbook;

/// <summary>One cell to write, addressed by sheet, 1-based row number and header name.</summary>
public sealed record CellUpdate(string Sheet, int Row, string Column, object? Value);

/// <summary>A row to append after the last non-empty row; values placed by header position.</summary>
public sealed record RowAppend(string Sheet, IReadOnlyDictionary<string, object?> Values);

/// <summary>A sheet to create with its header row, only if the store does not have it yet (the Parte_Diario sheet).</summary>
public sealed record SheetCreate(string Sheet, IReadOnlyList<string> Headers);

/// <summary>A row to delete, rows below moving up (Google: deleteDimension); applied after the updates and appends, bottom-up.</summary>
public sealed record RowDelete(string Sheet, int RowNumber);

/// <summary>
/// Everything one command writes. Stores apply it entirely or not at all (DOMAIN 1.6).
/// <see cref="Headers"/> are the header rows the command decided on, so addresses are computed from
/// the header read inside the command's own lock.
/// </summary>
public sealed record WorkbookBatch(
    IReadOnlyList<CellUpdate> Updates,
    IReadOnlyList<RowAppend> Appends,
    IReadOnlyDictionary<string, HeaderMap> Headers,
    IReadOnlyList<CellUpdate>? Expected = null,
    IReadOnlyList<SheetCreate>? Creates = null,
    IReadOnlyList<RowDelete>? Deletes = null)
{
    /// <summary>
    /// Cells that must still hold the value the command decided on. A store that can check them inside
    /// its transaction (SQLite) refuses the batch otherwise, so two nodes without a shared lease
    /// (Redis down) still cannot both take one spool.
    /// </summary>
    public IReadOnlyList<CellUpdate> Preconditions => Expected ?? [];

    /// <summary>Sheets created first, before anything else of the batch touches them.</summary>
    public IReadOnlyList<SheetCreate> SheetCreates => Creates ?? [];

    /// <summary>
    /// Rows removed in the same atomic batch (FLOOR F3 union rows, F2 watch-list entries, a date's
    /// Parte_Diario rows), after the updates and appends and bottom-up: every row number in the batch
    /// means the row as read before it.
    /// </summary>
    public IReadOnlyList<RowDelete> RowDeletes => (Deletes ?? []).DistinctBy(d => (d.Sheet, d.RowNumber))
        .OrderBy(d => d.Sheet, StringComparer.Ordinal).ThenByDescending(d => d.RowNumber).ToList();

    /// <summary>A command's id, write slot and lease fence (DOMAIN 1.6, 6.4); null for writes that are not commands.</summary>
    public WriteGuard? Guard { get; init; }

    public bool IsEmpty => Updates.Count == 0 && Appends.Count == 0 && SheetCreates.Count == 0 && RowDeletes.Count == 0;
}
