using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;

namespace Zeues.Core.Queries;

/// <summary>
/// Keeps this node's snapshot current: changes from other nodes trigger a reload, and a timed refresh
/// picks up edits the office makes directly in the spreadsheet (announced per changed TAG).
/// </summary>
public sealed class SnapshotSync(
    SnapshotCache cache, ISpoolEvents events, CoordinationStatus status, NodeIdentity node, PlantClock clock, IOptions<SnapshotOptions> options)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(OnRemoteChangeAsync);
        // Events sent while Redis was away are not replayed: a regained connection reloads everything.
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

    /// <summary>Reloads now and tells screens about every TAG whose row differs.</summary>
    public async Task RefreshAsync(string reason)
    {
        var before = await cache.GetAsync();
        await cache.ReloadAsync();
        var after = await cache.GetAsync();
        foreach (var spool in after.Spools)
        {
            if (before.Find(spool.Tag) is { } old && SameRow(old, spool)) continue;
            var display = DisplayInfo.Of(spool);
            cache.Announce(new SpoolChanged(spool.Tag, reason, reason, spool.EstadoDetalle ?? "", display.State.ToString(),
                spool.IsOccupied ? spool.OcupadoPor : null, null, clock.UtcNow, node.Id));
        }
    }

    private async Task OnRemoteChangeAsync(SpoolChanged change)
    {
        if (change.Origin == node.Id) return;
        await cache.ReloadAsync();
        cache.Announce(change);
    }

    private static bool SameRow(Domain.Spool a, Domain.Spool b) =>
        a with { Unions = [], DataErrors = [] } == b with { Unions = [], DataErrors = [] }
        && a.Unions.SequenceEqual(b.Unions) && a.DataErrors.SequenceEqual(b.DataErrors);

    private sealed class CallbackDisposable(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
