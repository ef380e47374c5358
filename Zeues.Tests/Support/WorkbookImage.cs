using System.Text.Json.Nodes;
using Zeues.Core.Workbook;

namespace Zeues.Tests.Support;

/// <summary>One cell whose stored value differs between two images of the workbook.</summary>
public sealed record CellChange(string Sheet, int Row, string Column, object? Old, object? New);

/// <summary>One Metadata row as stored, read by header name.</summary>
public sealed record AuditRow(
    int Row, string? JsonText, string? Id, object? Timestamp, object? EventoTipo, object? Tag, object? WorkerId, object? WorkerNombre,
    object? Operacion, object? Accion, object? FechaOperacion, JsonObject Json, object? NUnion);

/// <summary>Every sheet as stored at one moment, to prove exactly which cells a command wrote.</summary>
public sealed record WorkbookImage(IReadOnlyDictionary<string, SheetData> Sheets);

public static class WorkbookImageExtensions
{
    public static async Task<WorkbookImage> CaptureAsync(this TestPlant plant) => new(await plant.Store.ReadAsync(Sheets.All));

    /// <summary>Every cell that changed since the image (appended rows show each non-empty cell with Old = null).</summary>
    public static async Task<IReadOnlyList<CellChange>> ChangesSinceAsync(this TestPlant plant, WorkbookImage before)
    {
        var after = await plant.CaptureAsync();
        var changes = new List<CellChange>();
        foreach (var (name, now) in after.Sheets)
        {
            var then = before.Sheets[name];
            var oldRows = then.Rows.ToDictionary(r => r.RowNumber);
            if (!now.Header.Headers.SequenceEqual(then.Header.Headers))
                changes.Add(new CellChange(name, 1, "(header)", string.Join("|", then.Header.Headers), string.Join("|", now.Header.Headers)));
            foreach (var row in now.Rows)
            {
                oldRows.TryGetValue(row.RowNumber, out var old);
                var width = Math.Max(row.Cells.Count, old?.Cells.Count ?? 0);
                for (var i = 0; i < width; i++)
                {
                    var a = old?[i];
                    var b = row[i];
                    if (!Equals(a, b)) changes.Add(new CellChange(name, row.RowNumber, now.Header.Headers.ElementAtOrDefault(i) ?? $"#{i}", a, b));
                }
            }
        }
        return changes;
    }

    /// <summary>Names of the changed cells of one sheet, as "row:column", sorted.</summary>
    public static IReadOnlyList<string> Cells(this IEnumerable<CellChange> changes, string sheet) =>
        changes.Where(c => c.Sheet == sheet).Select(c => $"{c.Row}:{c.Column}").Order(StringComparer.Ordinal).ToList();

    /// <summary>Metadata rows below the first <paramref name="skip"/> data rows, in sheet order.</summary>
    public static async Task<IReadOnlyList<AuditRow>> AuditRowsAsync(this TestPlant plant, int skip = 0)
    {
        var sheet = await plant.SheetAsync(Sheets.Metadata);
        return sheet.Rows.Skip(skip).Select(r => new AuditRow(
            r.RowNumber, CellReader.Text(sheet.Get(r, Col.MetadataJson)), CellReader.Text(sheet.Get(r, Col.Id)), sheet.Get(r, Col.Timestamp), sheet.Get(r, Col.EventoTipo), sheet.Get(r, Col.TagSpool),
            sheet.Get(r, Col.MetaWorkerId), sheet.Get(r, Col.WorkerNombre), sheet.Get(r, Col.Operacion), sheet.Get(r, Col.Accion),
            sheet.Get(r, Col.FechaOperacion), JsonNode.Parse(CellReader.Text(sheet.Get(r, Col.MetadataJson)) ?? "{}")!.AsObject(),
            sheet.Get(r, Col.NUnion))).ToList();
    }

    /// <summary>The Metadata rows written with one command id.</summary>
    public static async Task<IReadOnlyList<AuditRow>> AuditRowsAsync(this TestPlant plant, Guid commandId) =>
        (await plant.AuditRowsAsync()).Where(r => r.Id == commandId.ToString("D")).ToList();

    /// <summary>Writes one Operaciones cell directly, as the office would by editing the spreadsheet.</summary>
    public static async Task OfficeEditAsync(this TestPlant plant, string tag, string column, object? value)
    {
        var sheet = await plant.SheetAsync(Sheets.Operaciones);
        var row = sheet.Rows.Single(r => string.Equals(CellReader.Text(sheet.Get(r, Col.TagSpool)), tag, StringComparison.OrdinalIgnoreCase));
        await plant.Store.ApplyAsync(new WorkbookBatch([new CellUpdate(Sheets.Operaciones, row.RowNumber, column, value)], [],
            new Dictionary<string, HeaderMap> { [Sheets.Operaciones] = sheet.Header }));
    }

    /// <summary>A Metadata_JSON member: strings as their text, anything else as JSON ("105", "true", "[\"002+1\"]").</summary>
    public static string? Json(this AuditRow row, string key) =>
        row.Json[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : row.Json[key]?.ToJsonString(Readable);

    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
