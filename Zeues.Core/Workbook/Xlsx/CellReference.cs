namespace Zeues.Core.Workbook.Xlsx;

/// <summary>A1-style cell references: the column letters give the zero-based column index.</summary>
internal static class CellReference
{
    /// <summary>"A1" → 0, "Z9" → 25, "AA10" → 26; -1 when the reference has no column letters.</summary>
    public static int ColumnIndex(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            column = column * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
            letters++;
        }
        return letters == 0 ? -1 : column - 1;
    }
}
