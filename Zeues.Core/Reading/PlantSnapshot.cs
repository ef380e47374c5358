using Zeues.Core.Domain;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reading;

/// <summary>The whole plant as read at one moment: the input of every query and of every command's checks.</summary>
public sealed class PlantSnapshot
{
    public PlantSnapshot(
        IReadOnlyDictionary<int, Worker> workers,
        IReadOnlyList<Spool> spools,
        IReadOnlyList<DataError> issues,
        IReadOnlyList<string> warnings,
        SchemaReport schema,
        IReadOnlyList<AuditEntry> metadata,
        IReadOnlyDictionary<string, HeaderMap> headers,
        DateTimeOffset loadedAt)
    {
        Workers = workers;
        Spools = spools;
        Issues = issues;
        Warnings = warnings;
        Schema = schema;
        Metadata = metadata;
        Headers = headers;
        LoadedAt = loadedAt;
        ByTag = spools.GroupBy(s => s.Tag, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<int, Worker> Workers { get; }
    public IReadOnlyList<Spool> Spools { get; }
    public IReadOnlyDictionary<string, Spool> ByTag { get; }

    /// <summary>Data problems not attached to a listed spool (empty TAG rows, orphan unions, worker rows).</summary>
    public IReadOnlyList<DataError> Issues { get; }

    /// <summary>Consistency warnings: reported in admin health, never blocking.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public SchemaReport Schema { get; }
    public IReadOnlyList<AuditEntry> Metadata { get; }
    public IReadOnlyDictionary<string, HeaderMap> Headers { get; }
    public DateTimeOffset LoadedAt { get; }

    public IEnumerable<Worker> ActiveWorkers => Workers.Values.Where(w => w.Activo).OrderBy(w => w.Nombre).ThenBy(w => w.Apellido);

    public Spool? Find(string tag) => ByTag.GetValueOrDefault(tag.Trim());

    private IReadOnlyDictionary<string, AuditEntry>? _lastRejections;

    /// <summary>The newest METROLOGIA_RECHAZADA row of a TAG; indexed once per snapshot, since every spool view may ask.</summary>
    public AuditEntry? LastRejection(string tag)
    {
        _lastRejections ??= Metadata.Where(e => e.EventoTipo == Workflows.AuditEvent.MetrologiaRechazada && e.Tag is not null)
            .GroupBy(e => e.Tag!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        return _lastRejections.GetValueOrDefault(tag.Trim());
    }

    /// <summary>A copy with one spool replaced (a command's result), so lists change at once.</summary>
    public PlantSnapshot With(Spool spool, IEnumerable<AuditEntry> appended, DateTimeOffset at) => new(
        Workers,
        Spools.Select(s => s.RowNumber == spool.RowNumber ? spool : s).ToList(),
        Issues, Warnings, Schema, [.. Metadata, .. appended], Headers, at);
}
