using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Zeues.Core.Workbook;

namespace Zeues.Core.Diagnostics;

/// <summary>Every workbook call, whatever the store, counted and timed and logged at debug.</summary>
public sealed partial class InstrumentedWorkbook(IWorkbook inner, ZeuesMetrics metrics, ILogger<InstrumentedWorkbook> logger) : IWorkbook
{
    public string Kind => inner.Kind;

    public Task<IReadOnlyDictionary<string, SheetData>> ReadAsync(IReadOnlyCollection<string> sheets, CancellationToken ct = default) =>
        MeasureAsync("read", () => inner.ReadAsync(sheets, ct));

    public Task<IReadOnlyList<string>> SheetNamesAsync(CancellationToken ct = default) =>
        MeasureAsync("sheets", () => inner.SheetNamesAsync(ct));

    public Task<IReadOnlyList<IReadOnlyList<SheetRow>>> ReadRowsAsync(IReadOnlyList<RowBlock> blocks, CancellationToken ct = default) =>
        MeasureAsync("read-rows", () => inner.ReadRowsAsync(blocks, ct));

    public Task<IReadOnlyList<IReadOnlyList<SheetRow>>> FindRowsAsync(IReadOnlyList<KeyLookup> lookups, CancellationToken ct = default) =>
        MeasureAsync("find-rows", () => inner.FindRowsAsync(lookups, ct));

    public Task ApplyAsync(WorkbookBatch batch, CancellationToken ct = default) =>
        MeasureAsync("apply", async () =>
        {
            await inner.ApplyAsync(batch, ct);
            return true;
        });

    private async Task<T> MeasureAsync<T>(string call, Func<Task<T>> run)
    {
        var started = Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            var result = await run();
            ok = true;
            return result;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.WorkbookCall(call, ok, elapsed);
            LogCall(inner.Kind, call, ok ? "ok" : "error", (long)elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Planilla {Kind} {Call}: {Status} ({ElapsedMs} ms)")]
    private partial void LogCall(string kind, string call, string status, long elapsedMs);
}
