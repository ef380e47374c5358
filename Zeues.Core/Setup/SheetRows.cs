namespace Zeues.Core.Setup;

/// <summary>Rows of a workbook to seed, each a header → value map, per sheet.</summary>
public sealed class SheetRows : Dictionary<string, List<Dictionary<string, object?>>>
{
    public SheetRows() : base(StringComparer.Ordinal) { }

    public void Add(string sheet, Dictionary<string, object?> row)
    {
        if (!TryGetValue(sheet, out var rows)) this[sheet] = rows = [];
        rows.Add(row);
    }
}
