namespace Zeues.Core.Workbook;

/// <summary>One data row as read: its 1-based sheet row number and raw unformatted values.</summary>
public sealed record SheetRow(int RowNumber, IReadOnlyList<object?> Cells)
{
    public object? this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : null;

    public bool IsEmpty => Cells.All(c => CellReader.Text(c) is null);
}

/// <summary>A sheet as read: header row 1 plus the data rows below it.</summary>
public sealed record SheetData(string Name, HeaderMap Header, IReadOnlyList<SheetRow> Rows)
{
    public object? Get(SheetRow row, string column) => row[Header.IndexOf(column)];
}
