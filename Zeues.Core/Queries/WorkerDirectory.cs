using Zeues.Core.Domain;

namespace Zeues.Core.Queries;

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
