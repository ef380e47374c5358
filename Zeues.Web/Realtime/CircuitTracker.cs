using Microsoft.AspNetCore.Components.Server.Circuits;
using Zeues.Core.Diagnostics;

namespace Zeues.Web.Realtime;

/// <summary>Counts this node's open circuits (admin health, metrics).</summary>
public sealed class CircuitCounter
{
    private int _open;

    public CircuitCounter(ZeuesMetrics metrics) =>
        metrics.Meter.CreateObservableGauge("zeues.circuits.open", () => Open, description: "Pantallas (circuitos Blazor) abiertas en este nodo");

    public int Open => Volatile.Read(ref _open);

    internal void Opened() => Interlocked.Increment(ref _open);

    internal void Closed() => Interlocked.Decrement(ref _open);
}

/// <summary>Per circuit: tells the page when its connection came back, so it reloads (never trusts missed updates).</summary>
public sealed class CircuitTracker(CircuitCounter counter) : CircuitHandler
{
    public event Func<Task>? Reconnected;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Closed();
        return Task.CompletedTask;
    }

    private bool _wasDown;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_wasDown) return;
        _wasDown = false;
        if (Reconnected is { } handler) await handler();
    }
}
