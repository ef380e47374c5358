using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

/// <summary>
/// The last data row a read saw in a sheet and its key (TAG, or TAG and N_UNION): the next tail
/// starts there, and the row must still hold the key, or rows have moved since.
/// </summary>
public sealed record SheetEnd(int Row, string? Key)
{
    public static readonly SheetEnd None = new(1, null);
}

/// <summary>
/// The whole plant as read at one moment: the input of every query and of every command's checks.
/// Compact: parsed spools, workers and the indexed Metadata log, each spool with its row numbers
/// (and its unions' row numbers) so a command can read just its rows; no sheet copies are kept.
/// </summary>
public sealed class PlantSnapshot
{
    public PlantSnapshot(
        IReadOnlyDictionary<int, Worker> workers,
        IReadOnlyList<Spool> spools,
        IReadOnlyList<DataError> spoolIssues,
        IReadOnlyList<DataError> workerIssues,
        IReadOnlyList<string> warnings,
        AuditLog audit,
        IReadOnlyDictionary<string, HeaderMap> headers,
        IReadOnlyDictionary<string, SheetEnd> ends,
        DateTimeOffset loadedAt)
    {
        Workers = workers;
        Spools = spools;
        SpoolIssues = spoolIssues;
        WorkerIssues = workerIssues;
        Issues = [.. spoolIssues, .. workerIssues];
        Warnings = warnings;
        Audit = audit;
        Headers = headers;
        Ends = ends;
        Schema = SchemaReport.Check(headers);
        LoadedAt = loadedAt;
        ByTag = spools.GroupBy(s => s.Tag, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<int, Worker> Workers { get; }
    public IReadOnlyList<Spool> Spools { get; }
    public IReadOnlyDictionary<string, Spool> ByTag { get; }

    /// <summary>Data problems not attached to a listed spool (empty TAG rows, orphan unions, worker rows).</summary>
    public IReadOnlyList<DataError> Issues { get; }

    public IReadOnlyList<DataError> SpoolIssues { get; }
    public IReadOnlyList<DataError> WorkerIssues { get; }

    /// <summary>Consistency warnings: reported in admin health, never blocking.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public SchemaReport Schema { get; }
    public AuditLog Audit { get; }
    public IReadOnlyList<AuditEntry> Metadata => Audit.Entries;
    public IReadOnlyDictionary<string, HeaderMap> Headers { get; }

    /// <summary>Where Operaciones and Uniones ended when last read in full (see <see cref="SheetEnd"/>).</summary>
    public IReadOnlyDictionary<string, SheetEnd> Ends { get; }

    public DateTimeOffset LoadedAt { get; }

    public IEnumerable<Worker> ActiveWorkers => Workers.Values.Where(w => w.Activo).OrderBy(w => w.Nombre).ThenBy(w => w.Apellido);

    public Spool? Find(string tag) => ByTag.GetValueOrDefault(tag.Trim());

    /// <summary>The newest METROLOGIA_RECHAZADA row of a TAG (FLOOR F4), from the Metadata index by TAG.</summary>
    public AuditEntry? LastRejection(string tag) =>
        Audit.OfTag(tag).LastOrDefault(e => e.EventoTipo == Domain.AuditEvent.MetrologiaRechazada);

    /// <summary>Every Operaciones row holding the TAG (more than one is a data error).</summary>
    public IReadOnlyList<Spool> RowsOf(string tag)
    {
        if (Find(tag) is not { } first) return [];
        return first.DataErrors.Count == 0 ? [first] : Spools.Where(s => s.Tag.Equals(tag.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public SheetEnd EndOf(string sheet) => Ends.GetValueOrDefault(sheet) ?? SheetEnd.None;

    /// <summary>A copy with one spool replaced (a command's result), so lists change at once.</summary>
    public PlantSnapshot With(Spool spool, IEnumerable<AuditEntry> appended, DateTimeOffset at) =>
        WithSpools(spool.Tag, [spool], Headers, Audit.AddPending(appended), at);

    /// <summary>A copy where the TAG's rows are the given ones (freshly read or announced), with newer headers and Metadata.</summary>
    public PlantSnapshot WithSpools(string tag, IReadOnlyList<Spool> rows, IReadOnlyDictionary<string, HeaderMap> headers, AuditLog audit, DateTimeOffset at)
    {
        var spools = new List<Spool>(Spools.Count + rows.Count);
        var pending = new Queue<Spool>(rows.OrderBy(r => r.RowNumber));
        foreach (var s in Spools)
        {
            if (!s.Tag.Equals(tag.Trim(), StringComparison.OrdinalIgnoreCase)) spools.Add(s);
            else if (pending.TryDequeue(out var replacement)) spools.Add(replacement);
        }
        spools.AddRange(pending);
        return new PlantSnapshot(Workers, spools, SpoolIssues, WorkerIssues, Warnings, audit, headers, Ends, at);
    }

    /// <summary>A copy with another Metadata log (a tail read, or a full Metadata read).</summary>
    public PlantSnapshot WithAudit(AuditLog audit, HeaderMap? header = null) =>
        new(Workers, Spools, SpoolIssues, WorkerIssues, Warnings, audit, header is null ? Headers : Merge(Headers, Sheets.Metadata, header), Ends, LoadedAt);

    /// <summary>A copy whose Operaciones and Uniones (and workers, when read) come from a newer read.</summary>
    public PlantSnapshot WithSheets(PlantSnapshot read, bool workers, AuditLog audit, DateTimeOffset at)
    {
        var headers = new Dictionary<string, HeaderMap>(Headers);
        foreach (var (name, header) in read.Headers) headers[name] = header;
        return new PlantSnapshot(workers ? read.Workers : Workers, read.Spools, read.SpoolIssues, workers ? read.WorkerIssues : WorkerIssues,
            read.Warnings, audit, headers, read.Ends, at);
    }

    private static Dictionary<string, HeaderMap> Merge(IReadOnlyDictionary<string, HeaderMap> headers, string sheet, HeaderMap header) =>
        new(headers) { [sheet] = header };
}
