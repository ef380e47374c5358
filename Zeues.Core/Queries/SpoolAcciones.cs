using Zeues.Core.Domain;
using Zeues.Core.Reading;

namespace Zeues.Core.Queries;

/// <summary>One FLOOR F1 entry: what POST /api/commands would answer now for this operation and action.</summary>
public sealed record AccionPrevista(Operacion Operacion, string Accion, bool Permitida, ErrorCode? Code, string? Mensaje);

/// <summary>A spool that matches the search but not the tab: the rule book's reason, and the tab that would take it.</summary>
public sealed record ReasonCard(SpoolView Spool, Operacion Operacion, string Mensaje, Operacion? IrA);

/// <summary>"¿Por qué no aparece?": the reason cards of a search, how many more matched, or the TAG that does not exist.</summary>
public sealed record SearchReasons(IReadOnlyList<ReasonCard> Cards, int More, string? NotFound);

/// <summary>FLOOR F1: the rule book's answers for one spool and one worker, on the snapshot.</summary>
public sealed class SpoolAcciones(SnapshotCache cache, PlantClock clock)
{
    public const int MaxReasonCards = 20;

    /// <summary>GET /api/spools/{tag}/acciones: unknown TAG or worker answer 404, an inactive worker 403 (thrown as their typed errors).</summary>
    public async Task<IReadOnlyList<AccionPrevista>> GetAsync(string tag, int workerId, CancellationToken ct = default)
    {
        var plant = await cache.GetAsync(ct);
        var spool = plant.Find(tag) ?? throw Errors.SpoolNoEncontrado(tag.Trim()).Throw();
        if (!plant.Workers.TryGetValue(workerId, out var worker)) throw Errors.WorkerNoEncontrado(workerId).Throw();
        // Every command of an inactive worker answers WORKER_INACTIVO, whatever the action.
        if (!worker.Activo) throw Errors.WorkerInactivo(workerId).Throw();
        return For(plant, spool, worker);
    }

    public static IReadOnlyList<AccionPrevista> For(PlantSnapshot plant, Spool spool, Worker worker)
    {
        // The command answers a missing critical column before it looks at worker or spool (DOMAIN 4.1 step 2).
        var schema = plant.Schema.Error;
        return SpoolActions.Pairs(spool, RoleMatrix.Operations(worker.Roles)).Select(pair =>
        {
            var error = schema ?? CommandRules.Check(spool, worker, SpoolActions.Request(spool, pair.Type, pair.Operacion, Actor.ForWorker(worker.Id)));
            var accion = pair.Type == CommandType.METROLOGIA ? "INSPECCIONAR" : pair.Type.ToString();
            return new AccionPrevista(pair.Operacion, accion, error is null, error?.Code, error?.Message);
        }).ToList();
    }

    /// <summary>
    /// FLOOR F1 on /trabajo: for a search that matches no row of the tab, each matching spool with the
    /// reason the tab's command refuses it, and another of the worker's tabs that accepts it.
    /// </summary>
    public async Task<SearchReasons> WhyNotAsync(Worker worker, Operacion tab, string search, CancellationToken ct = default)
    {
        var plant = SpoolLists.Usable(await cache.GetAsync(ct));
        var matching = plant.Spools.Where(s => SpoolLists.Matches(s, search)).ToList();
        if (matching.Count == 0) return new SearchReasons([], 0, Errors.SpoolNoEncontrado(search.Trim()).Message);

        var actor = Actor.ForWorker(worker.Id);
        ZeuesError? Refusal(Spool s, Operacion op) => CommandRules.Check(s, worker, SpoolLists.TabCommand(op, actor));
        var now = clock.Now;
        var refused = matching.OrderBy(s => s.Tag, StringComparer.OrdinalIgnoreCase)
            .Select(s => (Spool: s, Error: Refusal(s, tab)))
            .Where(r => r.Error is not null)
            .ToList();
        var cards = refused.Take(MaxReasonCards)
            .Select(r => new ReasonCard(SpoolView.Of(r.Spool, plant, now), tab, r.Error!.Message,
                worker.Operaciones.Where(op => op != tab).Cast<Operacion?>().FirstOrDefault(op => Refusal(r.Spool, op!.Value) is null)))
            .ToList();
        return new SearchReasons(cards, refused.Count - cards.Count, null);
    }
}
