namespace Zeues.Core.Workbook;

/// <summary>One cell to write, addressed by sheet, 1-based row number and header name.</summary>
public sealed record CellUpdate(string Sheet, int Row, string Column, object? Value);

/// <summary>A row to append after the last non-empty row; values placed by header position.</summary>
public sealed record RowAppend(string Sheet, IReadOnlyDictionary<string, object?> Values);

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
    IReadOnlyList<CellUpdate>? Expected = null)
{
    /// <summary>
    /// Cells that must still hold the value the command decided on. A store that can check them inside
    /// its transaction (SQLite) refuses the batch otherwise, so two nodes without a shared lease
    /// (Redis down) still cannot both take one spool.
    /// </summary>
    public IReadOnlyList<CellUpdate> Preconditions => Expected ?? [];

    /// <summary>Rows removed in the same atomic batch (FLOOR F3 union rows, F2 watch-list entries); row numbers as read before the batch.</summary>
    public IReadOnlyList<RowDelete> Deletes { get; init; } = [];

    public bool IsEmpty => Updates.Count == 0 && Appends.Count == 0 && Deletes.Count == 0;
}
