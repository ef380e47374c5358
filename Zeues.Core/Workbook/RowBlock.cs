namespace Zeues.Core.Workbook;

/// <summary>
/// Rows <see cref="First"/>..<see cref="Last"/> of a sheet; an open block (no Last) runs to the
/// sheet's last row, which is how a tail of appended rows is read. <see cref="Width"/> bounds the
/// columns of an open block (the header's width: cells right of the last header are never read);
/// Google needs it, since an open range must name its last column.
/// </summary>
public sealed record RowBlock(string Sheet, int First, int? Last = null, int? Width = null)
{
    public static RowBlock Header(string sheet) => new(sheet, 1, 1);
}

/// <summary>The rows of a sheet whose <see cref="Column"/> holds <see cref="Key"/> (trimmed, any case), found through <see cref="Header"/>.</summary>
public sealed record KeyLookup(string Sheet, HeaderMap Header, string Column, string Key);
