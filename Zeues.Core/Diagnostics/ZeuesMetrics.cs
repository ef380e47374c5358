using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Workbook;

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

    private long _lastReadAt, _lastReadOk;

    public ZeuesMetrics(IServiceProvider? services = null)
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
        // The store's quota, read when observed (the budget is resolved late: it is built after this meter).
        BudgetFigures? Budget()
        {
            try
            {
                return services?.GetService<IWorkbookBudget>()?.Figures();
            }
            catch (ObjectDisposedException)
            {
                return null; // the node is stopping
            }
        }
        Meter.CreateObservableGauge<int>("zeues.workbook.reads.used", () => Budget() is { } b
                ? [new Measurement<int>(b.CommandReads, new KeyValuePair<string, object?>("zeues.lane", "command")),
                   new Measurement<int>(b.BackgroundReads, new KeyValuePair<string, object?>("zeues.lane", "background"))]
                : [],
            description: "Lecturas de la planilla en el último minuto, de comandos y de fondo");
        Meter.CreateObservableGauge<int>("zeues.workbook.reads.limit", () => Budget() is { } b ? [new Measurement<int>(b.ReadsLimit)] : [],
            description: "Presupuesto de lecturas por minuto de este nodo (Zeues:GoogleSheets:ReadsPerMinute)");
        Meter.CreateObservableGauge<int>("zeues.workbook.writes.used", () => Budget() is { } b ? [new Measurement<int>(b.WritesUsed)] : [],
            description: "Escrituras a la planilla en el último minuto");
        Meter.CreateObservableGauge<int>("zeues.workbook.writes.limit", () => Budget() is { } b ? [new Measurement<int>(b.WritesLimit)] : [],
            description: "Presupuesto de escrituras por minuto de este nodo (Zeues:GoogleSheets:WritesPerMinute)");
    }

    /// <summary>When the last store read of this node ended, and whether it worked; null before the first.</summary>
    public (DateTimeOffset At, bool Ok)? LastRead => Interlocked.Read(ref _lastReadAt) is var at and > 0
        ? (new DateTimeOffset(at, TimeSpan.Zero), Interlocked.Read(ref _lastReadOk) == 1)
        : null;

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
        if (kind == "read")
        {
            Interlocked.Exchange(ref _lastReadOk, ok ? 1 : 0);
            Interlocked.Exchange(ref _lastReadAt, DateTimeOffset.UtcNow.UtcTicks);
        }
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
