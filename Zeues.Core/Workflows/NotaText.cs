using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows;

/// <summary>DOMAIN 4.8: how a note is cleaned and the line it becomes in Notas (also the dialog's preview).</summary>
public static class NotaText
{
    public const int MaxLength = 500;

    public static string Clean(string? texto) =>
        string.Join(' ', (texto ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    public static string Line(DateOnly today, string texto) => $"{CellWriter.DayStamp(today)}: {texto}";
}
