using Zeues.Core.Domain;
using Zeues.Core.Workflows;

namespace Zeues.Core.Queries;

/// <summary>What FINALIZAR with a selection will record, for the union dialog's footer (UX 4.3).</summary>
public sealed record FinalizarPreview(int Selected, decimal Pulgadas, bool Completes, Progress After, bool ToMetrologia)
{
    public static FinalizarPreview Of(SpoolView spool, Operacion op, IReadOnlyCollection<string> selected)
    {
        var chosen = spool.Unions.Where(u => selected.Contains(u.Id)).ToList();
        var progress = op == Operacion.ARM ? spool.ArmProgress : spool.SoldProgress;
        var after = new Progress(progress.Done + chosen.Count, progress.Total);
        var completes = chosen.Count > 0 && after.Done >= after.Total;
        var otherComplete = op == Operacion.ARM ? spool.SoldCompleto : spool.ArmCompleto;
        return new FinalizarPreview(chosen.Count, chosen.Sum(u => u.Dn), completes, after, completes && otherComplete);
    }
}

/// <summary>The Estado_Detalle a metrology result will leave (UX 4.3 metrology confirmation).</summary>
public static class MetrologiaPreview
{
    public static string EstadoDetalle(SpoolView spool, ResultadoMetrologia resultado)
    {
        if (resultado == ResultadoMetrologia.APROBADO) return Domain.EstadoDetalle.Aprobado;
        var next = new QualityTrack(Calidad.Rechazado, spool.Cycle).Rejected();
        return next.Estado == Calidad.Bloqueado ? Domain.EstadoDetalle.Bloqueado : Domain.EstadoDetalle.Rechazado(next.Ciclo);
    }

    public static bool Blocks(SpoolView spool) => spool.Cycle + 1 >= QualityTrack.MaxCiclos;
}

/// <summary>Who is at the tablet: a scanned badge ("MR(93)" or digits) or a tapped tile (UX 4.1).</summary>
public sealed class WorkerDirectory(SnapshotCache cache)
{
    public async Task<IReadOnlyList<Worker>> ActiveAsync(CancellationToken ct = default) => (await cache.GetAsync(ct)).ActiveWorkers.ToList();

    /// <summary>The active worker for a scan, or WORKER_NO_ENCONTRADO / WORKER_INACTIVO.</summary>
    public async Task<(Worker? Worker, ZeuesError? Error)> IdentifyAsync(string scan, CancellationToken ct = default)
    {
        var text = scan.Trim();
        var id = WorkerToken.IdOf(text) ?? (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null);
        if (id is null) return (null, Errors.Entrada("escanea tu credencial o escribe tu ID"));
        var plant = await cache.GetAsync(ct);
        if (!plant.Workers.TryGetValue(id.Value, out var worker)) return (null, Errors.WorkerNoEncontrado(id.Value));
        if (!worker.Activo) return (null, Errors.WorkerInactivo(id.Value));
        return (worker, null);
    }

    /// <summary>Accent- and case-insensitive filter on name, token or id.</summary>
    public static bool Matches(Worker w, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return true;
        var needle = Workbook.HeaderNormalizer.Normalize(search);
        return Workbook.HeaderNormalizer.Normalize($"{w.Nombre}{w.Apellido}{w.Token}{w.Id}").Contains(needle, StringComparison.Ordinal);
    }
}
