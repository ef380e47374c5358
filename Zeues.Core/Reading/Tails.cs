using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

/// <summary>
/// Rows appended since the node last looked are read from the last row it knew (the anchor) on. The
/// tail only lines up if that row still holds what the node saw there; otherwise rows were sorted,
/// inserted or deleted, and positions must be found again.
/// </summary>
public static class Tails
{
    /// <summary>Where the tail of a sheet starts: the anchor row itself, so it can be checked.</summary>
    public static int StartOf(SheetEnd end) => end.Row > 1 ? end.Row : 2;

    public static bool LinesUp(SheetData tail, SheetEnd end)
    {
        if (end.Row <= 1) return true;
        var first = tail.Rows.FirstOrDefault();
        return first is not null && first.RowNumber == end.Row && PlantReader.KeyOf(tail, first) == end.Key;
    }

    /// <summary>The rows after the anchor.</summary>
    public static IEnumerable<SheetRow> After(SheetData tail, SheetEnd end) => tail.Rows.Where(r => r.RowNumber > end.Row);

    public static int StartOf(AuditEntry? last) => last?.RowNumber ?? 2;

    /// <summary>Metadata is append-only: its last known row must still hold the same command id.</summary>
    public static bool LinesUp(IReadOnlyList<AuditEntry> tail, AuditEntry? last) =>
        last is null || (tail.Count > 0 && tail[0].RowNumber == last.RowNumber && tail[0].Id == last.Id);

    public static IEnumerable<AuditEntry> After(IReadOnlyList<AuditEntry> tail, AuditEntry? last) =>
        tail.Where(e => e.RowNumber > (last?.RowNumber ?? 1));

    /// <summary>A sheet as answered by a block read starting at row 1: the header row and the rows below it.</summary>
    public static SheetData Sheet(string name, IReadOnlyList<SheetRow> rows) =>
        new(name, Header(rows), rows.Where(r => r.RowNumber > 1).ToList());

    public static HeaderMap Header(IReadOnlyList<SheetRow> rows) =>
        new(rows.FirstOrDefault(r => r.RowNumber == 1)?.Cells.Select(CellReader.Text).ToList() ?? []);
}
