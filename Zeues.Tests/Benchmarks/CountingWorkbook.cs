using Microsoft.Extensions.DependencyInjection;
using Zeues.Core.Workbook;

namespace Zeues.Tests.Benchmarks;

/// <summary>Counts a node's spreadsheet reads, whatever the provider, by wrapping the IWorkbook the app registered.</summary>
public sealed class CountingWorkbook(IWorkbook inner) : IWorkbook
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public string Kind => inner.Kind;

    public Task<IReadOnlyDictionary<string, SheetData>> ReadAsync(IReadOnlyCollection<string> sheets, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadAsync(sheets, ct);
    }

    public Task<IReadOnlyList<IReadOnlyList<SheetRow>>> ReadRowsAsync(IReadOnlyList<RowBlock> blocks, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadRowsAsync(blocks, ct);
    }

    public Task<IReadOnlyList<IReadOnlyList<SheetRow>>> FindRowsAsync(IReadOnlyList<KeyLookup> lookups, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.FindRowsAsync(lookups, ct);
    }

    public Task<IReadOnlyList<string>> SheetNamesAsync(CancellationToken ct = default) => inner.SheetNamesAsync(ct);

    public Task ApplyAsync(WorkbookBatch batch, CancellationToken ct = default) => inner.ApplyAsync(batch, ct);

    /// <summary>Replaces the app's IWorkbook registration with a counting wrapper around it.</summary>
    public static Action<IServiceCollection> Install(Action<CountingWorkbook> created) => services =>
    {
        var registered = services.Last(d => d.ServiceType == typeof(IWorkbook));
        services.Remove(registered);
        services.AddSingleton<IWorkbook>(sp =>
        {
            var counting = new CountingWorkbook((IWorkbook)registered.ImplementationFactory!(sp));
            created(counting);
            return counting;
        });
    };
}
