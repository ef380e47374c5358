namespace Zeues.Core.Coordination;

/// <summary>
/// DOMAIN 6.5 change notification. <see cref="Origin"/> is the publishing node, so it does not reload
/// what it has already patched; <see cref="Sequence"/> numbers that node's changes, so a receiver
/// notices one it missed. <see cref="Rows"/> carries the change itself, so other nodes patch their
/// snapshot without reading the spreadsheet.
/// </summary>
public sealed record SpoolChanged(
    string Tag,
    string Comando,
    string Evento,
    string EstadoDetalle,
    string DisplayState,
    string? Occupant,
    Guid? CommandId,
    DateTimeOffset At,
    string Origin,
    long Sequence = 0,
    ChangedRows? Rows = null);

/// <summary>
/// The TAG's rows as the command left them: its Operaciones row(s) and all its Uniones rows, each with
/// its row number and the cells ZEUES reads (by header name), and the Metadata rows it appended with
/// the row numbers they were expected at.
/// </summary>
public sealed record ChangedRows(IReadOnlyList<RowImage> Operaciones, IReadOnlyList<RowImage> Uniones, IReadOnlyList<RowImage> Metadata);

/// <summary>One row: its 1-based number and cell values (text, number, boolean or null) by header name.</summary>
public sealed record RowImage(int Row, IReadOnlyDictionary<string, object?> Cells);
