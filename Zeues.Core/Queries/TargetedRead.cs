using Microsoft.Extensions.Logging;
using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;

namespace Zeues.Core.Queries;

/// <summary>
/// A command's fresh read (DOMAIN 1.6), sized by the spool and not by the plant: in ONE store call
/// the header rows, the TAG's Operaciones row(s) and Uniones rows where the snapshot has them (plus
/// the row after each run of unions, where the office adds one), and the rows appended to
/// Operaciones, Uniones and Metadata since the snapshot, each tail starting on the last row the
/// snapshot knew so it can be checked. Rows that no longer hold the TAG, or tails that do not line
/// up, mean the office sorted, inserted or deleted rows: the TAG's rows are then looked up by key,
/// and the snapshot is refreshed behind the command. A Metadata tail that does not line up is
/// replaced by a full read of Metadata, the only sheet whose rows the replay check needs all of.
/// </summary>
public sealed class TargetedRead(IWorkbook workbook, SnapshotCache cache, ILogger<TargetedRead> logger)
{
    /// <summary>Reads the TAG fresh and puts what was read in the node's snapshot, which is returned.</summary>
    public async Task<(SpoolRead Read, PlantSnapshot Plant)> ReadAsync(string tag, CancellationToken ct = default)
    {
        var read = await ReadCoreAsync(tag.Trim(), ct);
        var plant = cache.Apply(read);
        if (read.Moved) _ = cache.RefreshAsync();
        return (read, plant);
    }

    private async Task<SpoolRead> ReadCoreAsync(string tag, CancellationToken ct)
    {
        var known = await cache.GetAsync(ct);
        var widths = new[] { Sheets.Operaciones, Sheets.Uniones, Sheets.Metadata }.ToDictionary(s => s, s => Math.Max(1, known.Headers[s].Count));
        for (var attempt = 0; ; attempt++)
        {
            var (read, grown) = await TryReadAsync(known, tag, widths, ct);
            // A column added right of the old header was cut off the tails: read once more with the new width.
            if (read is not null && (grown is null || attempt > 0)) return read;
            widths = grown!;
        }
    }

    private async Task<(SpoolRead? Read, Dictionary<string, int>? Grown)> TryReadAsync(PlantSnapshot known, string tag,
        Dictionary<string, int> widths, CancellationToken ct)
    {
        var rows = known.RowsOf(tag);
        var opsEnd = known.EndOf(Sheets.Operaciones);
        var unEnd = known.EndOf(Sheets.Uniones);
        var last = known.Audit.Last;
        var blocks = new List<RowBlock> { RowBlock.Header(Sheets.Operaciones), RowBlock.Header(Sheets.Uniones), RowBlock.Header(Sheets.Metadata) };
        blocks.AddRange(rows.Select(s => new RowBlock(Sheets.Operaciones, s.RowNumber, s.RowNumber)));
        var runs = Runs(rows.SelectMany(UnionRowsOf));
        blocks.AddRange(runs.Select(r => new RowBlock(Sheets.Uniones, r.First, r.Last + 1)));
        var tails = blocks.Count;
        blocks.Add(new RowBlock(Sheets.Operaciones, Tails.StartOf(opsEnd), Width: widths[Sheets.Operaciones]));
        blocks.Add(new RowBlock(Sheets.Uniones, Tails.StartOf(unEnd), Width: widths[Sheets.Uniones]));
        blocks.Add(new RowBlock(Sheets.Metadata, Tails.StartOf(last), Width: widths[Sheets.Metadata]));
        var answers = await workbook.ReadRowsAsync(blocks, ct);

        var headers = new Dictionary<string, HeaderMap>
        {
            [Sheets.Operaciones] = Tails.Header(answers[0]),
            [Sheets.Uniones] = Tails.Header(answers[1]),
            [Sheets.Metadata] = Tails.Header(answers[2]),
        };
        if (headers.Values.Any(h => h.Count == 0)) throw new WorkbookUnavailableException("Una hoja llegó sin encabezados.");
        var grown = headers.Any(h => h.Value.Count > widths[h.Key]) ? headers.ToDictionary(h => h.Key, h => h.Value.Count) : null;

        var ops = new SortedDictionary<int, SheetRow>();
        var unions = new SortedDictionary<int, SheetRow>();
        var opsSheet = new SheetData(Sheets.Operaciones, headers[Sheets.Operaciones], []);
        var unSheet = new SheetData(Sheets.Uniones, headers[Sheets.Uniones], []);
        bool Holds(SheetData sheet, SheetRow row) => string.Equals(CellReader.Text(sheet.Get(row, Col.TagSpool)), tag, StringComparison.OrdinalIgnoreCase);

        var verified = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = answers[3 + i].FirstOrDefault(r => r.RowNumber == rows[i].RowNumber);
            if (row is not null && Holds(opsSheet, row)) ops[row.RowNumber] = row;
            else verified = false;
        }
        for (var i = 0; i < runs.Count; i++)
            foreach (var row in answers[3 + rows.Count + i].Where(r => Holds(unSheet, r))) unions[row.RowNumber] = row;
        foreach (var union in rows.SelectMany(s => s.Unions))
        {
            if (!unions.TryGetValue(union.RowNumber, out var row) || CellReader.Text(unSheet.Get(row, Col.NUnion)) != union.NUnion.ToString(System.Globalization.CultureInfo.InvariantCulture))
                verified = false;
        }

        var opsTail = new SheetData(Sheets.Operaciones, headers[Sheets.Operaciones], answers[tails]);
        var unTail = new SheetData(Sheets.Uniones, headers[Sheets.Uniones], answers[tails + 1]);
        var aligned = Tails.LinesUp(opsTail, opsEnd) && Tails.LinesUp(unTail, unEnd);
        var appended = Tails.After(opsTail, opsEnd).Any() || Tails.After(unTail, unEnd).Any();
        foreach (var row in Tails.After(opsTail, opsEnd).Where(r => Holds(opsSheet, r))) ops[row.RowNumber] = row;
        foreach (var row in Tails.After(unTail, unEnd).Where(r => Holds(unSheet, r))) unions[row.RowNumber] = row;

        var moved = !aligned || !verified;
        if (moved)
        {
            logger.LogInformation("Rows of {Tag} are not where the snapshot had them; looking them up by TAG", tag);
            var found = await workbook.FindRowsAsync(
            [
                new KeyLookup(Sheets.Operaciones, headers[Sheets.Operaciones], Col.TagSpool, tag),
                new KeyLookup(Sheets.Uniones, headers[Sheets.Uniones], Col.TagSpool, tag),
            ], ct);
            ops = new SortedDictionary<int, SheetRow>(found[0].ToDictionary(r => r.RowNumber));
            unions = new SortedDictionary<int, SheetRow>(found[1].ToDictionary(r => r.RowNumber));
        }

        var metaTail = PlantReader.Audit(new SheetData(Sheets.Metadata, headers[Sheets.Metadata], answers[tails + 2]));
        AuditLog? full = null;
        IReadOnlyList<AuditEntry> tail = [];
        if (Tails.LinesUp(metaTail, last)) tail = Tails.After(metaTail, last).ToList();
        else
        {
            logger.LogWarning("Metadata no longer lines up with row {Row}; reading it in full", last?.RowNumber);
            full = AuditLog.Of(PlantReader.Audit((await workbook.ReadAsync([Sheets.Metadata], ct))[Sheets.Metadata]));
        }

        var spools = PlantReader.Spool(opsSheet with { Rows = ops.Values.ToList() }, unSheet with { Rows = unions.Values.ToList() });
        return (new SpoolRead(tag, spools, ops.Values.ToList(), unions.Values.ToList(), headers, tail, full, moved || appended), grown);
    }

    /// <summary>The spool's union rows, those that failed to parse included (their data error must reach the command).</summary>
    private static IEnumerable<int> UnionRowsOf(Spool spool) =>
        spool.Unions.Select(u => u.RowNumber).Concat(spool.DataErrors.Where(e => e.Hoja == Sheets.Uniones).Select(e => e.Fila));

    /// <summary>Row numbers grouped into consecutive runs, so ten unions in a row are one block.</summary>
    private static List<(int First, int Last)> Runs(IEnumerable<int> rowNumbers)
    {
        var runs = new List<(int First, int Last)>();
        foreach (var row in rowNumbers.Distinct().Order())
        {
            if (runs.Count > 0 && row <= runs[^1].Last + 1) runs[^1] = (runs[^1].First, row);
            else runs.Add((row, row));
        }
        return runs;
    }
}
