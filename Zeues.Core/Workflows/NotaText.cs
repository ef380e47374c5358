using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows;

/// <summary>DOMAIN 4.8: how a note is cleaned and the line it becomes in Notas (also the dialog's preview).</summary>
public static class NotaText
{
    public const int MaxLength = 500;

    /// <summary>Google refuses a cell over 50,000 characters; one is kept for the formula guard's leading quote.</summary>
    public const int MaxCellLength = 50_000 - 1;

    /// <summary>Notas with the new line appended, or null when the cell would pass Google's limit.</summary>
    public static string? Append(string? notas, string line)
    {
        var after = notas is null ? line : notas + "\n" + line;
        return after.Length > MaxCellLength ? null : after;
    }

    public static string Clean(string? texto) =>
        string.Join(' ', (texto ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    public static string Line(DateOnly today, string texto) => $"{CellWriter.DayStamp(today)}: {texto}";
}
