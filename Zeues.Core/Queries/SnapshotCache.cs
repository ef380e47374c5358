using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zeues.Core.Coordination;
using Zeues.Core.Diagnostics;
using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;

namespace Zeues.Core.Queries;

/// <summary>
/// The per-node snapshot every list, board and search reads (ARCHITECTURE "Read path"). Loads are
/// single-flight and coalesced; a failed read never replaces a good snapshot. Screens learn of changes
/// from <see cref="SpoolFeed"/>, told only after this snapshot holds them.
/// A full load (start-up, RECARGAR DATOS, a Metadata tail that does not line up) reads all five
/// sheets; the timed refresh reads Operaciones and Uniones, Trabajadores and Roles when their own
/// interval is due, and only the Metadata rows after the last one known (DOMAIN 1.6).
/// </summary>
public sealed class SnapshotCache
{
    private enum Load { None, Refresh, Full }

    private readonly IWorkbook _workbook;
    private readonly PlantClock _clock;
    private readonly ILogger<SnapshotCache> _logger;
    private readonly IOptions<SnapshotOptions> _options;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _patchedDuringLoad = new(StringComparer.OrdinalIgnoreCase);
    private PlantSnapshot? _current;
    private Task? _loading;
    private Load _next;
    private DateTimeOffset _workersReadAt;

    public SnapshotCache(IWorkbook workbook, PlantClock clock, ZeuesMetrics metrics, ILogger<SnapshotCache> logger, IOptions<SnapshotOptions> options)
    {
        _workbook = workbook;
        _clock = clock;
        _logger = logger;
        _options = options;
        metrics.Meter.CreateObservableGauge<double>("zeues.snapshot.age", () => Age is { } age ? [new(age.TotalSeconds)] : [], "s",
            "Antigüedad del snapshot que leen las pantallas de este nodo");
    }

    /// <summary>How old the data on screens is: since the read (or command) that produced the current snapshot; null before the first load.</summary>
    public TimeSpan? Age => Volatile.Read(ref _current) is { } current ? _clock.UtcNow - current.LoadedAt : null;

    /// <summary>The snapshot screens read now, without loading one; null before the first load.</summary>
    public PlantSnapshot? Current => Volatile.Read(ref _current);

    public DateTimeOffset? LastSuccessfulRead { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Full reads of Metadata since start (start-up included): the timed refresh must not add to it.</summary>
    public int FullMetadataReads => Volatile.Read(ref _fullMetadataReads);

    private int _fullMetadataReads;

    public async Task<PlantSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _current) is { } current) return current;
        await FirstLoadAsync().WaitAsync(ct);
        return Volatile.Read(ref _current) ?? throw Errors.AlmacenNoDisponible().Throw();
    }

    /// <summary>Reads all five sheets now; concurrent callers share one load, and a request arriving mid-load triggers one more.</summary>
    public Task ReloadAsync() => Request(Load.Full);

    /// <summary>The timed refresh: Operaciones and Uniones, workers when due, the Metadata tail.</summary>
    public Task RefreshAsync() => Request(Load.Refresh);

    private Task Request(Load load)
    {
        lock (_gate)
        {
            if (_loading is not null)
            {
                if (load > _next) _next = load;
                return _loading;
            }
            if (_current is null) load = Load.Full;
            // On the pool: the SQLite reads complete synchronously and must not run inside this lock.
            return _loading = Task.Run(() => LoadLoopAsync(load));
        }
    }

    /// <summary>Joins the load in flight, or starts one; unlike <see cref="ReloadAsync"/> it asks for no extra round.</summary>
    private Task FirstLoadAsync()
    {
        lock (_gate) return _loading ?? (_loading = Task.Run(() => LoadLoopAsync(Load.Full)));
    }

    /// <summary>A command's own result: its spool as written and the Metadata rows it appended.</summary>
    public void Patch(Spool after, IReadOnlyList<AuditEntry> entries) =>
        Update(after.Tag, current => current.With(after, entries, _clock.UtcNow));

    /// <summary>A command's targeted read is newer than the snapshot for its spool, its headers and Metadata: keep it even when the command then fails.</summary>
    public PlantSnapshot Apply(SpoolRead read) => Update(read.Tag, current =>
    {
        if (read.FullAudit is not null) Interlocked.Increment(ref _fullMetadataReads);
        var audit = read.FullAudit?.AddPending(current.Audit.Pending) ?? current.Audit.Confirm(read.AuditTail);
        var headers = new Dictionary<string, HeaderMap>(current.Headers);
        foreach (var (sheet, header) in read.Headers) headers[sheet] = header;
        return current.WithSpools(read.Tag, read.Spools, headers, audit, _clock.UtcNow);
    });

    /// <summary>
    /// A change announced by another node, applied with no spreadsheet read; false when this node's
    /// rows for the TAG are not where the announcing node found them (the caller then reads).
    /// </summary>
    public bool TryApply(string tag, ChangedRows rows)
    {
        var applied = false;
        if (Volatile.Read(ref _current) is null) return false;
        Update(tag, current =>
        {
            if (!rows.LinesUpWith(current.RowsOf(tag))) return current;
            applied = true;
            return current.WithSpools(tag, rows.Spools(), current.Headers, current.Audit.AddPending(rows.Audit()), _clock.UtcNow);
        });
        return applied;
    }

    private PlantSnapshot Update(string tag, Func<PlantSnapshot, PlantSnapshot> change)
    {
        lock (_gate)
        {
            var current = _current ?? throw Errors.AlmacenNoDisponible().Throw();
            _current = change(current);
            // A load in flight read this spool before the change: it keeps the newer rows when it lands.
            if (_loading is not null) _patchedDuringLoad.Add(tag.Trim());
            return _current;
        }
    }

    private async Task LoadLoopAsync(Load load)
    {
        while (true)
        {
            try
            {
                if (load == Load.Full) await LoadFullAsync();
                else await LoadRefreshAsync();
                LastSuccessfulRead = _clock.UtcNow;
                LastError = null;
            }
            catch (Exception ex)
            {
                LastError = ex is ZeuesException z ? z.Error.Message : "lectura fallida";
                _logger.LogWarning(ex, "Snapshot reload failed; keeping the previous snapshot");
            }
            lock (_gate)
            {
                _patchedDuringLoad.Clear();
                if (_next == Load.None)
                {
                    _loading = null;
                    return;
                }
                load = _next;
                _next = Load.None;
            }
        }
    }

    private async Task LoadFullAsync()
    {
        var startedAt = _clock.UtcNow;
        var read = PlantReader.Read(await _workbook.ReadAsync(Sheets.All), startedAt);
        Interlocked.Increment(ref _fullMetadataReads);
        Land(read, workers: true, current => read.Audit.AddPending(current?.Audit.Pending ?? []));
        _workersReadAt = startedAt;
    }

    private async Task LoadRefreshAsync()
    {
        var startedAt = _clock.UtcNow;
        var known = Volatile.Read(ref _current)!;
        var workers = startedAt - _workersReadAt >= TimeSpan.FromSeconds(_options.Value.WorkersRefreshSeconds);
        var sheets = workers ? [Sheets.Operaciones, Sheets.Uniones, Sheets.Trabajadores, Sheets.Roles] : new[] { Sheets.Operaciones, Sheets.Uniones };
        var last = known.Audit.Last;
        var blocks = sheets.Select(s => new RowBlock(s, 1)).Append(RowBlock.Header(Sheets.Metadata))
            .Append(new RowBlock(Sheets.Metadata, Tails.StartOf(last), Width: known.Headers[Sheets.Metadata].Count)).ToList();
        var answers = await _workbook.ReadRowsAsync(blocks);
        var data = sheets.Select((s, i) => Tails.Sheet(s, answers[i])).ToDictionary(d => d.Name);
        if (data.Values.Any(d => d.Header.Count == 0)) throw new WorkbookUnavailableException("Una hoja llegó sin encabezados.");
        var read = PlantReader.Read(data, startedAt);

        var metadataHeader = Tails.Header(answers[sheets.Length]);
        var tail = PlantReader.Audit(new SheetData(Sheets.Metadata, metadataHeader, answers[sheets.Length + 1]));
        AuditLog? full = null;
        if (!Tails.LinesUp(tail, last) || metadataHeader.Count > known.Headers[Sheets.Metadata].Count)
        {
            // Rows of the append-only log moved, or its columns did: only a full read can say what it holds.
            _logger.LogWarning("Metadata no longer lines up with row {Row}; reading it in full", last?.RowNumber);
            full = AuditLog.Of(PlantReader.Audit((await _workbook.ReadAsync([Sheets.Metadata]))[Sheets.Metadata]));
            Interlocked.Increment(ref _fullMetadataReads);
        }
        var headers = new Dictionary<string, HeaderMap>(read.Headers) { [Sheets.Metadata] = metadataHeader };
        read = new PlantSnapshot(read.Workers, read.Spools, read.SpoolIssues, read.WorkerIssues, read.Warnings, AuditLog.Empty, headers, read.Ends, startedAt);
        Land(read, workers, current => full?.AddPending(current!.Audit.Pending) ?? current!.Audit.Confirm(Tails.After(tail, last)));
        if (workers) _workersReadAt = startedAt;
    }

    /// <summary>Puts a read in place, keeping the spools that commands or announcements changed while it was in flight.</summary>
    private void Land(PlantSnapshot read, bool workers, Func<PlantSnapshot?, AuditLog> audit)
    {
        lock (_gate)
        {
            var current = _current;
            var result = current is null ? read.WithAudit(audit(null)) : current.WithSheets(read, workers, audit(current), read.LoadedAt);
            foreach (var tag in _patchedDuringLoad)
                result = result.WithSpools(tag, current!.RowsOf(tag), result.Headers, result.Audit, result.LoadedAt);
            _current = result;
        }
    }
}
