using System.Text.Json;

namespace Zeues.Core.Workbook.Sqlite;

/// <summary>A row is stored as a JSON array that keeps each cell's type: string, number, boolean or null.</summary>
internal static class CellJson
{
    public static string Serialize(IReadOnlyList<object?> cells)
    {
        var trimmed = cells.Count;
        while (trimmed > 0 && cells[trimmed - 1] is null) trimmed--;
        return JsonSerializer.Serialize(cells.Take(trimmed).ToArray());
    }

    public static List<object?> Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var cells = new List<object?>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            cells.Add(e.ValueKind switch
            {
                JsonValueKind.String => e.GetString(),
                JsonValueKind.Number => e.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            });
        }
        return cells;
    }

    /// <summary>Numbers are kept as doubles, the way a spreadsheet holds them.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        bool b => b,
        double d => d,
        decimal m => (double)m,
        int i => (double)i,
        long l => (double)l,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
