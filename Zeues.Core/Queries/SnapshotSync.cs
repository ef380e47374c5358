using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;

namespace Zeues.Core.Queries;

/// <summary>
/// Keeps this node's snapshot current: a change from another node is patched in from the rows it
/// carries (no spreadsheet read); a change this node cannot place (rows elsewhere, or an earlier
/// change missed) makes it read; a timed refresh picks up edits the office makes directly in the
/// spreadsheet (announced per changed TAG).
/// </summary>
public sealed class SnapshotSync(
    SnapshotCache cache, SpoolFeed feed, TargetedRead targeted, ISpoolEvents events, CoordinationStatus status, NodeIdentity node, PlantClock clock,
    IOptions<SnapshotOptions> options, ILogger<SnapshotSync> logger)
    : BackgroundService
{
    private readonly Dictionary<string, long> _lastSequence = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(OnRemoteChangeAsync);
        // Events sent while Redis was away are not replayed: a regained connection refreshes.
        var wasDegraded = status.Degraded;
        void OnStatus(CoordinationStatus s)
        {
            if (wasDegraded && !s.Degraded) _ = RefreshAsync("reconexión");
            wasDegraded = s.Degraded;
        }
        status.Changed += OnStatus;
        using var unhook = new CallbackDisposable(() => status.Changed -= OnStatus);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RefreshAsync("refresco");
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Refreshes now and tells screens about every TAG whose row differs. <paramref name="full"/> (RECARGAR
    /// DATOS) reads Metadata in full as well; otherwise only its new rows are read.
    /// </summary>
    public async Task RefreshAsync(string reason, bool full = false)
    {
        var before = await cache.GetAsync();
        await (full ? cache.ReloadAsync() : cache.RefreshAsync());
        var after = await cache.GetAsync();
        foreach (var spool in after.Spools)
        {
            if (before.Find(spool.Tag) is { } old && SameRow(old, spool)) continue;
            var display = DisplayInfo.Of(spool);
            feed.Notify(new SpoolChanged(spool.Tag, reason, reason, spool.EstadoDetalle ?? "", display.State.ToString(),
                spool.IsOccupied ? spool.OcupadoPor : null, null, clock.UtcNow, node.Id));
        }
    }

    private async Task OnRemoteChangeAsync(SpoolChanged change)
    {
        if (change.Origin == node.Id) return;
        var missed = Missed(change);
        if (change.Evento == Domain.AuditEvent.UnionesDefinidas)
        {
            // FLOOR F3: union rows were appended and deleted, so the Uniones positions of other spools moved too.
            await cache.RefreshAsync();
        }
        else if (missed)
        {
            logger.LogWarning("Missed a change from node {Origin} before {Sequence}; refreshing", change.Origin, change.Sequence);
            await RefreshAsync("cambios perdidos");
        }
        else if (change.Rows is not { } rows || !cache.TryApply(change.Tag, rows))
        {
            // This node's rows for the TAG are not where the other node found them: read them.
            await targeted.ReadAsync(change.Tag);
        }
        feed.Notify(change);
    }

    /// <summary>True when a numbered change arrives and the previous one from the same node never did.</summary>
    private bool Missed(SpoolChanged change)
    {
        if (change.Sequence <= 0) return false;
        lock (_lastSequence)
        {
            var missed = _lastSequence.TryGetValue(change.Origin, out var last) && change.Sequence > last + 1;
            if (!_lastSequence.TryGetValue(change.Origin, out last) || change.Sequence > last) _lastSequence[change.Origin] = change.Sequence;
            return missed;
        }
    }

    private static bool SameRow(Domain.Spool a, Domain.Spool b) =>
        a with { Unions = [], DataErrors = [] } == b with { Unions = [], DataErrors = [] }
        && a.Unions.SequenceEqual(b.Unions) && a.DataErrors.SequenceEqual(b.DataErrors);

    private sealed class CallbackDisposable(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
