using Microsoft.Extensions.Options;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;

namespace Zeues.Core.Workflows;

public enum TipoLista { TAG, NV }

/// <summary>One pinned TAG or NV of a supervisor's list, with its Listas row.</summary>
public sealed record ListaEntry(int RowNumber, string Supervisor, string Clave, TipoLista Tipo, DateTime? Agregado);

/// <summary>A supervisor's watch list, or why it is off (no Listas sheet in the spreadsheet).</summary>
public sealed record MiLista(IReadOnlyList<ListaEntry> Entradas, string? Error = null)
{
    public const string FaltaHoja = "Falta la hoja Listas en la planilla";

    public bool Disponible => Error is null;

    public bool Contains(string clave) => Entradas.Any(e => string.Equals(e.Clave, clave.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The spools the list names, in pin order: a TAG pins one spool, an NV every spool of that NV.</summary>
    public IReadOnlyList<Spool> Spools(PlantSnapshot plant) => Entradas
        .SelectMany(IEnumerable<Spool> (e) => e.Tipo == TipoLista.TAG
            ? plant.Find(e.Clave) is { } s ? [s] : []
            : plant.Spools.Where(s => string.Equals(s.Nv, e.Clave, StringComparison.OrdinalIgnoreCase)).OrderBy(s => s.Tag, StringComparer.OrdinalIgnoreCase))
        .DistinctBy(s => s.Tag, StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>
/// FLOOR F2 "Mi lista": each supervisor's pinned TAGs and NVs, kept in the workbook sheet Listas so
/// they survive any device or cleared browser storage. Adding or removing is one atomic write under a
/// short lease (rows move when one is deleted); no Metadata row. Reads are cached briefly per node.
/// </summary>
public sealed class SupervisorLists(IWorkbook workbook, ISpoolLocks locks, SnapshotCache cache, PlantClock clock, IOptions<LockOptions> lockOptions)
{
    /// <summary>The lease key: one for every list, since deleting a row moves the rows of every supervisor.</summary>
    private const string LeaseKey = "Listas";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    /// <summary>The last read of the sheet; replaced whole, so concurrent circuits never see half of one.</summary>
    private sealed record Loaded(DateTimeOffset At, IReadOnlyList<ListaEntry> Rows, string? Error);

    private volatile Loaded? _cached;

    public async Task<MiLista> GetAsync(string supervisor, CancellationToken ct = default)
    {
        var cached = _cached;
        if (cached is null || clock.UtcNow - cached.At > CacheFor) cached = await LoadAsync(ct);
        return new MiLista(cached.Error is null ? cached.Rows.Where(r => Same(r.Supervisor, supervisor)).ToList() : [], cached.Error);
    }

    /// <summary>Pins a TAG (a spool's) or an NV (any spool's); pinning what is already pinned changes nothing.</summary>
    public async Task<MiLista> AddAsync(string supervisor, string clave, CancellationToken ct = default)
    {
        var key = clave.Trim();
        var plant = await cache.GetAsync(ct);
        TipoLista tipo;
        if (plant.Find(key) is { } spool) (key, tipo) = (spool.Tag, TipoLista.TAG);
        else if (plant.Spools.FirstOrDefault(s => Same(s.Nv, key)) is { Nv: { } nv }) (key, tipo) = (nv, TipoLista.NV);
        else throw Errors.Entrada($"no hay un spool ni una NV \"{key}\"").Throw();

        return await EditAsync(supervisor, (rows, header) =>
        {
            if (rows.Any(r => Same(r.Supervisor, supervisor) && Same(r.Clave, key))) return null;
            return new WorkbookBatch([], [new RowAppend(Sheets.Listas, new Dictionary<string, object?>
            {
                [Col.Supervisor] = CellWriter.Text(supervisor.Trim()),
                [Col.Clave] = CellWriter.Text(key),
                [Col.Tipo] = tipo.ToString(),
                [Col.Agregado] = CellWriter.Timestamp(clock.Now),
            })], header);
        }, ct);
    }

    public Task<MiLista> RemoveAsync(string supervisor, string clave, CancellationToken ct = default) =>
        EditAsync(supervisor, (rows, header) =>
        {
            var gone = rows.Where(r => Same(r.Supervisor, supervisor) && Same(r.Clave, clave)).ToList();
            if (gone.Count == 0) return null;
            // The store refuses the batch if a row moved since this read.
            return new WorkbookBatch([], [], header, gone.Select(r => new CellUpdate(Sheets.Listas, r.RowNumber, Col.Clave, r.Clave)).ToList())
            {
                Deletes = gone.Select(r => new RowDelete(Sheets.Listas, r.RowNumber)).ToList(),
            };
        }, ct);

    private async Task<MiLista> EditAsync(string supervisor, Func<IReadOnlyList<ListaEntry>, IReadOnlyDictionary<string, HeaderMap>, WorkbookBatch?> change,
        CancellationToken ct)
    {
        var options = lockOptions.Value;
        var lease = await locks.AcquireAsync(LeaseKey, TimeSpan.FromSeconds(options.TtlSeconds), TimeSpan.FromSeconds(options.WaitSeconds), ct)
            ?? throw Errors.ConflictoConcurrente(Sheets.Listas).Throw();
        try
        {
            var sheet = await ReadSheetAsync(ct);
            if (sheet is null) throw Errors.Entrada(MiLista.FaltaHoja).Throw();
            var rows = Rows(sheet);
            if (change(rows, new Dictionary<string, HeaderMap> { [Sheets.Listas] = sheet.Header }) is { } batch)
            {
                try
                {
                    await workbook.ApplyAsync(batch, ct);
                }
                catch (WorkbookConflictException)
                {
                    throw Errors.ConflictoConcurrente(Sheets.Listas).Throw();
                }
                catch (WorkbookUnavailableException)
                {
                    throw Errors.AlmacenNoDisponible().Throw();
                }
            }
        }
        finally
        {
            await locks.ReleaseAsync(lease);
        }
        _cached = null;
        return await GetAsync(supervisor, ct);
    }

    private async Task<Loaded> LoadAsync(CancellationToken ct)
    {
        var sheet = await ReadSheetAsync(ct);
        var loaded = sheet is null ? new Loaded(clock.UtcNow, [], MiLista.FaltaHoja) : new Loaded(clock.UtcNow, Rows(sheet), null);
        _cached = loaded;
        return loaded;
    }

    private async Task<SheetData?> ReadSheetAsync(CancellationToken ct)
    {
        try
        {
            return (await workbook.ReadAsync([Sheets.Listas], ct))[Sheets.Listas];
        }
        catch (WorkbookSheetMissingException)
        {
            return null;
        }
        catch (WorkbookUnavailableException)
        {
            throw Errors.AlmacenNoDisponible().Throw();
        }
    }

    private static IReadOnlyList<ListaEntry> Rows(SheetData sheet) => sheet.Rows
        .Select(r => new RowCells(sheet, r))
        .Where(c => c.Text(Col.Supervisor) is not null && c.Text(Col.Clave) is not null)
        .Select(c => new ListaEntry(c.Row, c.Text(Col.Supervisor)!, c.Text(Col.Clave)!,
            Enum.TryParse<TipoLista>(c.Text(Col.Tipo), true, out var t) ? t : TipoLista.TAG, c.Timestamp(Col.Agregado)))
        .OrderBy(e => e.Agregado ?? DateTime.MinValue).ToList();

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
