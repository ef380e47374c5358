using Zeues.Core.Diagnostics;

namespace Zeues.Core.Coordination;

/// <summary>Single-node events: published changes go straight to this process's subscribers.</summary>
public sealed class InProcessSpoolEvents(EventHub hub, ZeuesMetrics metrics) : ISpoolEvents
{
    public Task PublishAsync(SpoolChanged change, CancellationToken ct = default)
    {
        metrics.Published("local");
        hub.Deliver(change);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(Func<SpoolChanged, Task> handler) => hub.Subscribe(handler);
}
