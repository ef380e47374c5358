using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Workbook;

namespace Zeues.Tests.Support;

/// <summary>
/// Holds the next workbook write until released, so a test can reload a page while a command's answer
/// is still on its way. Everything else passes straight to the real workbook.
/// </summary>
public sealed class WorkbookGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed = 1;

    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    /// <summary>Decorates the app's registered IWorkbook.</summary>
    public void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IWorkbook));
        services.AddSingleton<IWorkbook>(sp => new Gated((IWorkbook)original.ImplementationFactory!(sp), this));
    }

    private sealed class Gated(IWorkbook inner, WorkbookGate gate) : IWorkbook
    {
        public string Kind => inner.Kind;

        public Task<IReadOnlyDictionary<string, SheetData>> ReadAsync(IReadOnlyCollection<string> sheets, CancellationToken ct = default) => inner.ReadAsync(sheets, ct);

        public Task<IReadOnlyList<string>> SheetNamesAsync(CancellationToken ct = default) => inner.SheetNamesAsync(ct);

        public Task<IReadOnlyList<IReadOnlyList<SheetRow>>> ReadRowsAsync(IReadOnlyList<RowBlock> blocks, CancellationToken ct = default) =>
            inner.ReadRowsAsync(blocks, ct);

        public Task<IReadOnlyList<IReadOnlyList<SheetRow>>> FindRowsAsync(IReadOnlyList<KeyLookup> lookups, CancellationToken ct = default) =>
            inner.FindRowsAsync(lookups, ct);

        public async Task ApplyAsync(WorkbookBatch batch, CancellationToken ct = default)
        {
            if (Interlocked.Exchange(ref gate._armed, 0) == 1)
            {
                gate._entered.TrySetResult();
                await gate._released.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
            }
            await inner.ApplyAsync(batch, ct);
        }
    }
}
