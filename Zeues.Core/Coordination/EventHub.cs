using Microsoft.Extensions.Logging;
using Zeues.Core.Diagnostics;

namespace Zeues.Core.Coordination;

/// <summary>
/// In-memory fan-out to every subscriber of this process (each Blazor circuit, the snapshot cache).
/// Each handler runs on its own task, so a slow or throwing subscriber delays no one else.
/// <paramref name="name"/> tells the node's hub (changes arriving from any node) from the screens' hub in the metrics.
/// </summary>
public sealed class EventHub(ILogger<EventHub> logger, ZeuesMetrics metrics, string name = EventHub.NodeHub)
{
    public const string NodeHub = "nodo";
    public const string ScreensHub = "pantallas";

    private readonly Lock _gate = new();
    private Func<SpoolChanged, Task>[] _handlers = [];

    public int SubscriberCount => Volatile.Read(ref _handlers).Length;

    public IDisposable Subscribe(Func<SpoolChanged, Task> handler)
    {
        lock (_gate) _handlers = [.. _handlers, handler];
        return new Subscription(this, handler);
    }

    public void Deliver(SpoolChanged change)
    {
        metrics.Delivered(name);
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            _ = Task.Run(async () =>
            {
                try { await handler(change); }
                catch (Exception ex) { logger.LogWarning(ex, "A subscriber failed handling the change of {Tag}", change.Tag); }
            });
        }
    }

    private void Remove(Func<SpoolChanged, Task> handler)
    {
        lock (_gate) _handlers = _handlers.Where(h => h != handler).ToArray();
    }

    private sealed class Subscription(EventHub hub, Func<SpoolChanged, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) hub.Remove(handler);
        }
    }
}
