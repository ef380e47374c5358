using Microsoft.Extensions.Logging;
using Zeues.Core.Coordination;
using Zeues.Core.Diagnostics;

namespace Zeues.Core.Queries;

/// <summary>
/// The one realtime feed of this node: every change screens must show arrives here exactly once,
/// after the snapshot already holds it — a command of this node, a change announced by another node,
/// or a row the timed refresh found edited in the spreadsheet. Screens subscribe and re-read the snapshot.
/// </summary>
public sealed class SpoolFeed(ILogger<EventHub> logger, ZeuesMetrics metrics)
{
    private readonly EventHub _screens = new(logger, metrics, EventHub.ScreensHub);

    /// <summary>Each handler runs on its own task: a slow or failing screen delays no other.</summary>
    public IDisposable Subscribe(Func<SpoolChanged, Task> handler) => _screens.Subscribe(handler);

    /// <summary>Tells this node's screens; the caller has already put the change in the snapshot.</summary>
    public void Notify(SpoolChanged change) => _screens.Deliver(change);
}
