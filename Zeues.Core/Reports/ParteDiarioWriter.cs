using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workbook;

namespace Zeues.Core.Reports;

public sealed record ParteDiarioResult(DateOnly Fecha, int Trabajadores, int FilasReemplazadas)
{
    public string Mensaje => $"Parte diario del {CellWriter.Date(Fecha)} escrito: {Trabajadores} {(Trabajadores == 1 ? "trabajador" : "trabajadores")} + TOTAL"
                             + (FilasReemplazadas > 0 ? $" (reemplaza {FilasReemplazadas} filas anteriores)." : ".");
}

/// <summary>
/// Writes one date's Parte_Diario (FLOOR F6) as ONE atomic workbook batch: the sheet created if
/// missing, that date's earlier rows deleted, the new rows appended. Not a spool command: it has its
/// own lease over the sheet, so two writes never compute row numbers from the same stale read.
/// </summary>
public sealed partial class ParteDiarioWriter(IWorkbook workbook, SnapshotCache cache, ISpoolLocks locks, IOptions<LockOptions> lockOptions,
    ILogger<ParteDiarioWriter> logger)
{
    /// <summary>The lease every Parte_Diario write holds (key zeues:lock:spool:PARTE_DIARIO).</summary>
    public const string LeaseKey = "PARTE_DIARIO";

    private const string Fecha = "Fecha";

    public async Task<ParteDiarioResult> WriteAsync(DateOnly fecha, CancellationToken ct = default)
    {
        var o = lockOptions.Value;
        var lease = await locks.AcquireAsync(LeaseKey, TimeSpan.FromSeconds(o.TtlSeconds), TimeSpan.FromSeconds(o.WaitSeconds), ct)
                    ?? throw Errors.ParteEnEscritura(CellWriter.Date(fecha)).Throw();
        try
        {
            var parte = ParteDiario.Build(await cache.GetAsync(ct), fecha);
            var (batch, replaced) = await BatchAsync(parte, ct);
            await workbook.ApplyAsync(batch, ct);
            var result = new ParteDiarioResult(fecha, parte.Workers.Count, replaced);
            LogWritten(CellWriter.Date(fecha), parte.Workers.Count, replaced);
            return result;
        }
        catch (WorkbookUnavailableException ex)
        {
            LogFailed(ex, CellWriter.Date(fecha));
            throw Errors.AlmacenNoDisponible().Throw();
        }
        catch (WorkbookConflictException)
        {
            throw Errors.ParteEnEscritura(CellWriter.Date(fecha)).Throw();
        }
        finally
        {
            await locks.ReleaseAsync(lease);
        }
    }

    private async Task<(WorkbookBatch Batch, int Replaced)> BatchAsync(ParteDiario parte, CancellationToken ct)
    {
        var appends = parte.AllRows.Select(r => new RowAppend(ParteDiario.Sheet, parte.Cells(r))).ToList();
        if (!(await workbook.SheetNamesAsync(ct)).Contains(ParteDiario.Sheet, StringComparer.Ordinal))
            return (new WorkbookBatch([], appends, new Dictionary<string, HeaderMap> { [ParteDiario.Sheet] = new(ParteDiario.Headers.Cast<string?>().ToList()) },
                Creates: [new SheetCreate(ParteDiario.Sheet, ParteDiario.Headers)]), 0);

        var sheet = (await workbook.ReadAsync([ParteDiario.Sheet], ct))[ParteDiario.Sheet];
        if (ParteDiario.Headers.FirstOrDefault(c => !sheet.Header.Has(c)) is { } missing) throw Errors.EsquemaInvalido(ParteDiario.Sheet, missing).Throw();
        // The office may have turned the text date into a date cell: both read back as the same day.
        var old = sheet.Rows.Where(r => CellReader.TryDate(sheet.Get(r, Fecha), out var d) && d == parte.Fecha).ToList();
        return (new WorkbookBatch([], appends, new Dictionary<string, HeaderMap> { [ParteDiario.Sheet] = sheet.Header },
            Expected: old.Select(r => new CellUpdate(ParteDiario.Sheet, r.RowNumber, Fecha, sheet.Get(r, Fecha))).ToList(),
            Deletes: old.Select(r => new RowDelete(ParteDiario.Sheet, r.RowNumber)).ToList()), old.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Parte_Diario {Fecha}: {Workers} trabajadores + TOTAL, {Replaced} filas reemplazadas")]
    private partial void LogWritten(string fecha, int workers, int replaced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parte_Diario {Fecha}: la planilla no aceptó el lote")]
    private partial void LogFailed(Exception ex, string fecha);
}
