using Microsoft.Extensions.Logging;
using Zeues.Core.Coordination;
using Zeues.Core.Diagnostics;
using Zeues.Core.Domain;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;

namespace Zeues.Core.Queries;

/// <summary>
/// The per-node snapshot every list, board and search reads (ARCHITECTURE "Read path"). Loads are
/// single-flight and coalesced; a failed read never replaces a good snapshot. Screens subscribe here,
/// so they are told only after the snapshot already holds the change.
/// </summary>
public sealed class SnapshotCache
{
    private readonly IWorkbook _workbook;
    private readonly PlantClock _clock;
    private readonly ILogger<SnapshotCache> _logger;
    private readonly EventHub _updates;
    private readonly Lock _gate = new();
    private PlantSnapshot? _current;
    private Task? _loading;
    private bool _dirty;

    public SnapshotCache(IWorkbook workbook, PlantClock clock, ZeuesMetrics metrics, ILogger<SnapshotCache> logger, ILogger<EventHub> hubLogger)
    {
        _workbook = workbook;
        _clock = clock;
        _logger = logger;
        _updates = new EventHub(hubLogger, metrics, EventHub.ScreensHub);
        metrics.Meter.CreateObservableGauge<double>("zeues.snapshot.age", () => Age is { } age ? [new(age.TotalSeconds)] : [], "s",
            "Antigüedad del snapshot que leen las pantallas de este nodo");
    }

    /// <summary>How old the data on screens is: since the read (or command) that produced the current snapshot; null before the first load.</summary>
    public TimeSpan? Age => Volatile.Read(ref _current) is { } current ? _clock.UtcNow - current.LoadedAt : null;

    /// <summary>The snapshot screens read now, without loading one; null before the first load.</summary>
    public PlantSnapshot? Current => Volatile.Read(ref _current);

    public DateTimeOffset? LastSuccessfulRead { get; private set; }

    public string? LastError { get; private set; }

    public int SubscriberCount => _updates.SubscriberCount;

    public async Task<PlantSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _current) is { } current) return current;
        await FirstLoadAsync().WaitAsync(ct);
        return Volatile.Read(ref _current) ?? throw Errors.AlmacenNoDisponible().Throw();
    }

    /// <summary>Reloads now; concurrent callers share one load, and a change arriving mid-load triggers one more.</summary>
    public Task ReloadAsync()
    {
        lock (_gate)
        {
            if (_loading is not null)
            {
                _dirty = true;
                return _loading;
            }
            // On the pool: the SQLite reads complete synchronously and must not run inside this lock.
            return _loading = Task.Run(LoadLoopAsync);
        }
    }

    /// <summary>Joins the load in flight, or starts one; unlike <see cref="ReloadAsync"/> it asks for no extra round.</summary>
    private Task FirstLoadAsync()
    {
        lock (_gate) return _loading ?? (_loading = Task.Run(LoadLoopAsync));
    }

    /// <summary>A command's own result: the fresh read it decided on, with its spool and Metadata rows applied.</summary>
    public void Patch(PlantSnapshot fresh, Spool after, IReadOnlyList<AuditEntry> entries)
    {
        lock (_gate)
        {
            _current = fresh.With(after, entries, _clock.UtcNow);
            if (_loading is not null) _dirty = true;
        }
    }

    /// <summary>A command's fresh read is newer than the snapshot: keep it even when the command then fails.</summary>
    public void Replace(PlantSnapshot fresh)
    {
        lock (_gate)
        {
            _current = fresh;
            if (_loading is not null) _dirty = true;
        }
    }

    public IDisposable Subscribe(Func<SpoolChanged, Task> handler) => _updates.Subscribe(handler);

    /// <summary>Tells this node's screens; called once the snapshot holds the change.</summary>
    public void Announce(SpoolChanged change) => _updates.Deliver(change);

    private async Task LoadLoopAsync()
    {
        while (true)
        {
            try
            {
                var sheets = await _workbook.ReadAsync(Sheets.All);
                var snapshot = PlantReader.Read(sheets, _clock.UtcNow);
                lock (_gate) _current = snapshot;
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
                if (!_dirty)
                {
                    _loading = null;
                    return;
                }
                _dirty = false;
            }
        }
    }
}
