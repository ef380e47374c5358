using System.Diagnostics.Metrics;
using Zeues.Core.Coordination;

namespace Zeues.Core.Diagnostics;

/// <summary>Running totals of this node for the admin tab (the meter's series are for Prometheus and OTLP).</summary>
public sealed record DiagnosticFigures(long WorkbookCalls, long WorkbookFailures, double? LastWorkbookMs, long Retries, long EventsPublished, long EventsDelivered);

/// <summary>
/// The "Zeues" meter of one node. One instance per service provider, so two nodes in one test process
/// keep their own gauges, and disposing the provider unpublishes them.
/// </summary>
public sealed class ZeuesMetrics : IDisposable
{
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _workbookCalls;
    private readonly Histogram<double> _workbookDuration;
    private readonly Counter<long> _published;
    private readonly Counter<long> _delivered;
    /// <summary>From a fast SQLite call to a command that waited out its lease and retried the store (seconds).</summary>
    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] };

    private long _workbookTotal, _workbookFailed, _lastWorkbookTicks = -1, _retryTotal, _publishedTotal, _deliveredTotal;

    public ZeuesMetrics(CoordinationStatus coordination)
    {
        Meter = new Meter(ZeuesTelemetry.Name);
        _commandDuration = Meter.CreateHistogram("zeues.command.duration", "s", "Duración de cada comando por tipo y resultado o código de error",
            advice: Seconds);
        _workbookCalls = Meter.CreateCounter<long>("zeues.workbook.calls", description: "Llamadas a la planilla por tipo (read, apply) y estado (ok, error)");
        _workbookDuration = Meter.CreateHistogram("zeues.workbook.duration", "s", "Duración de cada llamada a la planilla", advice: Seconds);
        // Observed, so the series exists (at 0) before the first retry: an alert on its rate needs it,
        // and a listener that subscribes after the node started still sees it.
        Meter.CreateObservableCounter("zeues.workbook.retries", () => Interlocked.Read(ref _retryTotal),
            description: "Reintentos de un batch tras un fallo de la planilla");
        _published = Meter.CreateCounter<long>("zeues.events.published", description: "Cambios publicados por este nodo, por transporte (redis, local)");
        _delivered = Meter.CreateCounter<long>("zeues.events.delivered", description: "Cambios entregados a los suscriptores de este nodo, por destino");
        Meter.CreateObservableGauge("zeues.redis.connected", () => new Measurement<int>(
                coordination.RedisConfigured && !coordination.Degraded ? 1 : 0,
                new KeyValuePair<string, object?>("zeues.redis.configured", coordination.RedisConfigured)),
            description: "1 = coordinando por Redis; 0 = modo local (sin Redis o Redis caído)");
    }

    /// <summary>For owners of a current figure (snapshot age, open screens) to publish it as a gauge.</summary>
    public Meter Meter { get; }

    public void Command(string type, string outcome, TimeSpan elapsed) =>
        _commandDuration.Record(elapsed.TotalSeconds, new("zeues.command.type", type), new("zeues.command.outcome", outcome));

    public void WorkbookCall(string kind, bool ok, TimeSpan elapsed)
    {
        var status = new KeyValuePair<string, object?>("zeues.status", ok ? "ok" : "error");
        var call = new KeyValuePair<string, object?>("zeues.workbook.call", kind);
        _workbookCalls.Add(1, call, status);
        _workbookDuration.Record(elapsed.TotalSeconds, call, status);
        Interlocked.Increment(ref _workbookTotal);
        if (!ok) Interlocked.Increment(ref _workbookFailed);
        Interlocked.Exchange(ref _lastWorkbookTicks, elapsed.Ticks);
    }

    public void Retry() => Interlocked.Increment(ref _retryTotal);

    public void Published(string transport)
    {
        _published.Add(1, new KeyValuePair<string, object?>("zeues.transport", transport));
        Interlocked.Increment(ref _publishedTotal);
    }

    public void Delivered(string hub)
    {
        _delivered.Add(1, new KeyValuePair<string, object?>("zeues.hub", hub));
        Interlocked.Increment(ref _deliveredTotal);
    }

    public DiagnosticFigures Figures()
    {
        var last = Interlocked.Read(ref _lastWorkbookTicks);
        return new(Interlocked.Read(ref _workbookTotal), Interlocked.Read(ref _workbookFailed), last < 0 ? null : TimeSpan.FromTicks(last).TotalMilliseconds,
            Interlocked.Read(ref _retryTotal), Interlocked.Read(ref _publishedTotal), Interlocked.Read(ref _deliveredTotal));
    }

    public void Dispose() => Meter.Dispose();
}
