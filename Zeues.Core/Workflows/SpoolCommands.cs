using Microsoft.Extensions.Options;
using Zeues.Core.Coordination;
using Zeues.Core.Diagnostics;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Reading;
using Zeues.Core.Workbook;
using Zeues.Core.Workflows.Commands;

namespace Zeues.Core.Workflows;

/// <summary>
/// The one command flow (DOMAIN 4.1, ARCHITECTURE "Command flow"): replay, schema, worker, lease,
/// fresh read, preconditions, one atomic batch, then the change is announced. Every command of
/// every page and of the API goes through <see cref="ExecuteAsync"/>.
/// </summary>
public sealed class SpoolCommands(
    IWorkbook workbook,
    ISpoolLocks locks,
    ISpoolEvents events,
    SnapshotCache cache,
    TargetedRead targeted,
    PlantClock clock,
    NodeIdentity node,
    IOptions<LockOptions> lockOptions,
    IOptions<WorkbookOptions> workbookOptions,
    CommandTelemetry telemetry)
{
    public async Task<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken ct = default)
    {
        using var progress = CommandTelemetry.Start(request);
        try
        {
            return telemetry.Finish(progress, CommandResult.Ok(await RunAsync(request, progress, ct)));
        }
        catch (ZeuesException ex)
        {
            return telemetry.Finish(progress, CommandResult.Fail(ex.Error));
        }
        catch (WorkbookUnavailableException ex)
        {
            return telemetry.Finish(progress, CommandResult.Fail(Errors.AlmacenNoDisponible()), ex);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            telemetry.Interrupted(progress);
            throw;
        }
        catch (Exception ex)
        {
            var reference = Errors.NewReference();
            return telemetry.Finish(progress, CommandResult.Fail(Errors.Interno(reference)), ex);
        }
    }

    /// <summary>DOMAIN 4.10: each TAG is its own INICIAR, one after another; a failure never stops the others.</summary>
    public async Task<BatchStartResult> StartManyAsync(Guid batchId, IReadOnlyList<string> tags, Actor actor, Operacion op, CancellationToken ct = default,
        IProgress<int>? progress = null)
    {
        if (tags.Count is 0 or > 50) return BatchStartResult.Invalid(Errors.Entrada("se pueden iniciar entre 1 y 50 spools por vez"));
        var results = new List<BatchStartItem>();
        foreach (var tag in tags)
        {
            var result = await ExecuteAsync(new CommandRequest(CommandIds.ForItem(batchId, tag), CommandType.INICIAR, tag, actor, op), ct);
            results.Add(new BatchStartItem(tag, result));
            progress?.Report(results.Count);
        }
        return new BatchStartResult(results, null);
    }

    /// <summary>
    /// What a command would leave in Estado_Detalle, decided on the snapshot by the same rules and
    /// nothing written: the confirmation dialogs show it before the worker confirms.
    /// </summary>
    public async Task<(string? EstadoDetalle, ZeuesError? Error)> PreviewAsync(CommandRequest request, CancellationToken ct = default)
    {
        try
        {
            RequestShape.Validate(request);
            var snapshot = await cache.GetAsync(ct);
            var worker = Authorize(snapshot, request);
            var spool = snapshot.Find(request.Tag) ?? throw Errors.SpoolNoEncontrado(request.Tag.Trim()).Throw();
            var ctx = new CommandContext(request, spool, worker, clock.Now);
            var after = CommandRouter.Decide(ctx).After;
            return (after.HasDataError ? after.EstadoDetalle : Domain.EstadoDetalle.Build(after), null);
        }
        catch (ZeuesException ex)
        {
            return (null, ex.Error);
        }
    }

    private async Task<CommandOutcome> RunAsync(CommandRequest request, CommandProgress progress, CancellationToken ct)
    {
        RequestShape.Validate(request);
        var snapshot = await cache.GetAsync(ct);

        progress.Enter(CommandSteps.Replay);
        // DOMAIN 6.4: the node's Metadata id index answers a replay without reading the spreadsheet.
        if (Replay.IsKnown(snapshot, request.CommandId))
            return Replay.Find(snapshot, request, clock.Now)!;

        progress.Enter(CommandSteps.Esquema);
        EnsureSchema(snapshot.Schema);

        progress.Enter(CommandSteps.Trabajador);
        var worker = Authorize(snapshot, request);

        progress.Enter(CommandSteps.Lock);
        var options = lockOptions.Value;
        var lease = await locks.AcquireAsync(request.Tag.Trim(), TimeSpan.FromSeconds(options.TtlSeconds), TimeSpan.FromSeconds(options.WaitSeconds), ct)
            ?? throw Errors.ConflictoConcurrente(request.Tag.Trim()).Throw();
        CommandOutcome outcome;
        SpoolChanged change;
        try
        {
            progress.Enter(CommandSteps.Lectura);
            // Screens then show what the command saw, e.g. unions the office just added to a v3 spool.
            var (read, fresh) = await targeted.ReadAsync(request.Tag, ct);
            EnsureSchema(fresh.Schema);
            if (Replay.Find(fresh, request, clock.Now) is { } replay)
            {
                progress.Enter(CommandSteps.Replay);
                return replay;
            }
            var spool = fresh.Find(request.Tag) ?? throw Errors.SpoolNoEncontrado(request.Tag.Trim()).Throw();
            if (request.Type == CommandType.NOTA && !fresh.Headers[Sheets.Operaciones].Has(Col.Notas))
                throw Errors.EsquemaInvalido(Sheets.Operaciones, Col.Notas).Throw();

            progress.Enter(CommandSteps.Precondiciones);
            var now = clock.Now;
            var ctx = new CommandContext(request, spool, worker, now);
            var decided = CommandRouter.Decide(ctx);

            progress.Enter(CommandSteps.Batch);
            var composed = BatchComposer.Compose(ctx, decided, fresh.Headers);
            await ApplyWithRetriesAsync(composed.Batch, progress, ct);
            cache.Patch(composed.After, composed.Entries);

            var view = SpoolView.Of(composed.After, fresh, now);
            outcome = new CommandOutcome(request.CommandId, spool.Tag, decided.Resultado, decided.Mensaje, view.EstadoDetalle, view.DisplayState,
                decided.UnionesProcesadas, decided.PulgadasProcesadas, decided.MetrologiaLista, Replay: false, view);
            change = new SpoolChanged(spool.Tag, request.Type.ToString(), decided.Events[0].Evento, view.EstadoDetalle, view.DisplayState.ToString(),
                view.Occupant, request.CommandId, clock.UtcNow, node.Id, node.NextSequence(),
                AnnouncedRows.Of(read, composed.Batch, fresh.Audit.Last?.RowNumber ?? 1));
        }
        finally
        {
            await locks.ReleaseAsync(lease);
        }

        progress.Enter(CommandSteps.Publicacion);
        cache.Announce(change);
        try
        {
            await events.PublishAsync(change, ct);
        }
        catch (Exception ex)
        {
            // The write is done; other nodes catch up on their timed refresh.
            telemetry.PublishFailed(change.Tag, ex);
        }
        return outcome;
    }

    /// <summary>
    /// DOMAIN 1.6: store failures are retried with exponential backoff and jitter; since a failed call
    /// may still have been applied, the command id is looked up in Metadata before each retry.
    /// </summary>
    private async Task ApplyWithRetriesAsync(WorkbookBatch batch, CommandProgress progress, CancellationToken ct)
    {
        var options = workbookOptions.Value;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await workbook.ApplyAsync(batch, ct);
                return;
            }
            catch (WorkbookConflictException)
            {
                // Another node wrote this spool since our read (only possible without a shared lease).
                throw Errors.ConflictoConcurrente(progress.Request.Tag.Trim()).Throw();
            }
            catch (WorkbookUnavailableException ex) when (attempt < options.Retries)
            {
                var delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs * Math.Pow(2, attempt) * (0.8 + Random.Shared.NextDouble() * 0.4));
                telemetry.Retrying(progress, attempt + 1, delay, ex);
                await Task.Delay(delay, ct);
                if (Replay.IsKnown(await ReadFreshAsync(progress.Request.Tag, ct), progress.Request.CommandId)) return;
            }
        }
    }

    /// <summary>The targeted read (DOMAIN 1.6): the spool's rows and the Metadata rows appended since the snapshot.</summary>
    private async Task<PlantSnapshot> ReadFreshAsync(string tag, CancellationToken ct) => (await targeted.ReadAsync(tag, ct)).Plant;

    private static void EnsureSchema(SchemaReport schema)
    {
        if (schema.FirstMissing is { } missing) throw Errors.EsquemaInvalido(missing.Sheet, missing.Column).Throw();
    }

    private static Worker? Authorize(PlantSnapshot plant, CommandRequest request)
    {
        var actor = request.Actor;
        if (request.IsSupervisorCommand)
            return actor.IsSupervisor ? null : throw Errors.SupervisorRequerido().Throw();
        if (actor.IsSupervisor && request.Type == CommandType.NOTA) return null;
        if (actor.WorkerId is not { } id) throw Errors.Entrada("falta el trabajador (workerId)").Throw();
        if (!plant.Workers.TryGetValue(id, out var worker)) throw Errors.WorkerNoEncontrado(id).Throw();
        if (!worker.Activo) throw Errors.WorkerInactivo(id).Throw();
        if (CommandRouter.RequiredOperation(request) is { } op && !worker.Can(op)) throw Errors.RolNoAutorizado(worker.Token, op).Throw();
        return worker;
    }
}
