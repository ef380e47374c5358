namespace Zeues.Core.Domain;

/// <summary>A cell that does not parse (or a structural problem), named by sheet, row, column and raw value.</summary>
public sealed record DataError(string Hoja, int Fila, string Columna, string? Valor, string Descripcion, string? Tag = null);
