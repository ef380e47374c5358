using Zeues.Core.Domain;

namespace Zeues.Core.Workbook;

/// <summary>Per-sheet schema status: missing critical/expected columns and duplicate headers.</summary>
public sealed record SheetSchema(string Sheet, IReadOnlyList<string> MissingCritical, IReadOnlyList<string> MissingExpected, IReadOnlyList<string> Duplicates)
{
    public static SheetSchema Check(string sheet, HeaderMap header) => new(
        sheet,
        header.Missing(WorkbookSchema.Critical[sheet]).ToList(),
        header.Missing(WorkbookSchema.Expected[sheet]).ToList(),
        header.Duplicates);

    public bool IsValid => MissingCritical.Count == 0;
}

public sealed record SchemaReport(IReadOnlyList<SheetSchema> Sheets)
{
    public static SchemaReport Check(IReadOnlyDictionary<string, SheetData> data) =>
        Check(data.ToDictionary(s => s.Key, s => s.Value.Header));

    /// <summary>The report of the header rows, in the order of <see cref="Workbook.Sheets.All"/>.</summary>
    public static SchemaReport Check(IReadOnlyDictionary<string, HeaderMap> headers) =>
        new(Workbook.Sheets.All.Where(headers.ContainsKey).Select(s => SheetSchema.Check(s, headers[s])).ToList());

    public bool IsValid => Sheets.All(s => s.IsValid);

    /// <summary>The first missing critical column, in sheet order: the one ESQUEMA_INVALIDO names.</summary>
    public (string Sheet, string Column)? FirstMissing =>
        Sheets.SelectMany(s => s.MissingCritical.Select(c => (s.Sheet, c))).Cast<(string, string)?>().FirstOrDefault();

    /// <summary>ESQUEMA_INVALIDO naming the first missing critical column: every write, list and board answers it (DOMAIN 1.2).</summary>
    public ZeuesError? Error => FirstMissing is { } m ? Errors.EsquemaInvalido(m.Sheet, m.Column) : null;
}
