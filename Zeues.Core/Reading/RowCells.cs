using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

/// <summary>Typed access to one row's cells by header name, collecting the cells that do not parse.</summary>
internal sealed class RowCells(SheetData sheet, SheetRow row)
{
    public List<DataError> Errors { get; } = [];

    public int Row => row.RowNumber;

    public object? Raw(string column) => sheet.Get(row, column);

    public string? Text(string column) => CellReader.Text(Raw(column));

    public bool IsTrue(string column) => CellReader.IsTrue(Raw(column));

    public DateOnly? Date(string column)
    {
        if (CellReader.TryDate(Raw(column), out var value)) return value;
        Fail(column, "no es una fecha válida");
        return null;
    }

    public DateTime? Timestamp(string column)
    {
        if (CellReader.TryTimestamp(Raw(column), out var value)) return value;
        Fail(column, "no es una fecha y hora válida");
        return null;
    }

    /// <summary>Counters are hints: an unreadable one is ignored, never an error (DOMAIN 3.1).</summary>
    public decimal? Hint(string column) => CellReader.TryDecimal(Raw(column), out var value) ? value : null;

    public void Fail(string column, string description) =>
        Errors.Add(new DataError(sheet.Name, row.RowNumber, column, CellReader.Text(Raw(column)) ?? "", $"{column} {description}"));
}
