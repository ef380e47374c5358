using System.Diagnostics;
using System.Runtime.ExceptionServices;
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
    IWorkbookBudget budget,
    ISpoolLocks locks,
    ISpoolEvents events,
    SnapshotCache cache,
    SpoolFeed feed,
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
        // The command's own reads are served first by a store with a read budget.
        using var lane = ReadLane.ForCommand();
        try
        {
            return Finish(progress, CommandResult.Ok(await RunAsync(request, progress, ct)));
        }
        catch (ZeuesException ex)
        {
            return Finish(progress, CommandResult.Fail(ex.Error));
        }
        catch (WorkbookUnavailableException ex)
        {
            return Finish(progress, CommandResult.Fail(Errors.AlmacenNoDisponible()), ex);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            telemetry.Interrupted(progress);
            throw;
        }
        catch (Exception ex)
        {
            var reference = Errors.NewReference();
            return Finish(progress, CommandResult.Fail(Errors.Interno(reference)), ex);
        }
    }

    private CommandResult Finish(CommandProgress progress, CommandResult result, Exception? failure = null)
    {
        telemetry.Finish(progress, result.Outcome?.Resultado, result.Error, failure);
        return result;
    }

    /// <summary>
    /// DOMAIN 4.10: each TAG is its own INICIAR, one after another; a failure never stops the others.
    /// A client-sent <paramref name="batchId"/> gives each TAG a stable id, so resending that confirmation
    /// replays; without one (<see cref="Guid.Empty"/>) every request gets fresh ids and is executed.
    /// </summary>
    public async Task<BatchStartResult> StartManyAsync(Guid batchId, IReadOnlyList<string> tags, Actor actor, Operacion op, CancellationToken ct = default,
        IProgress<int>? progress = null)
    {
        if (RequestShape.ValidateBatch(tags) is { } invalid) return BatchStartResult.Invalid(invalid);
        var results = new List<BatchStartItem>();
        foreach (var tag in tags)
        {
            var id = batchId == Guid.Empty ? Guid.NewGuid() : CommandIds.ForItem(batchId, tag);
            var result = await ExecuteAsync(new CommandRequest(id, CommandType.INICIAR, tag, actor, op), ct);
            results.Add(new BatchStartItem(tag, result));
            progress?.Report(results.Count);
        }
        return new BatchStartResult(results, null);
    }

    /// <summary>
    /// The outcome a command would have now, decided on the snapshot by the same rule book and
    /// effects, nothing written: the confirmation dialogs show it before the worker confirms.
    /// </summary>
    public async Task<CommandResult> PreviewAsync(CommandRequest request, CancellationToken ct = default)
    {
        try
        {
            RequestShape.Validate(request);
            var snapshot = await cache.GetAsync(ct);
            EnsureSchema(snapshot.Schema);
            var worker = Authorize(snapshot, request);
            InputCheck.Check(request);
            var spool = snapshot.Find(request.Tag) ?? throw Errors.SpoolNoEncontrado(request.Tag.Trim()).Throw();
            var now = clock.Now;
            var decided = CommandRouter.Decide(new CommandContext(request, spool, worker, now));
            var after = decided.After.HasDataError ? decided.After : decided.After with { EstadoDetalle = Domain.EstadoDetalle.Build(decided.After) };
            var view = SpoolView.Of(after, snapshot, now);
            return CommandResult.Ok(new CommandOutcome(request.CommandId, spool.Tag, decided.Resultado, decided.Mensaje, view.EstadoDetalle,
                view.DisplayState, decided.UnionesProcesadas, decided.PulgadasProcesadas, decided.MetrologiaLista, Replay: false, view));
        }
        catch (ZeuesException ex)
        {
            return CommandResult.Fail(ex.Error);
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
        InputCheck.Check(request);

        // An unknown TAG is answered from the snapshot: no lease, no store read (the timed refresh brings the office's new rows).
        if (snapshot.Find(request.Tag) is null) throw Errors.SpoolNoEncontrado(request.Tag.Trim()).Throw();

        progress.Enter(CommandSteps.Lock);
        var options = lockOptions.Value;
        var ttl = TimeSpan.FromSeconds(options.TtlSeconds);
        // The write budget is taken before the lease: waiting for it never eats into the lease (DOMAIN 1.6).
        using var slot = await budget.ReserveWriteAsync(ct);
        var requested = Stopwatch.GetTimestamp();
        var acquired = await locks.AcquireAsync(request.Tag.Trim(), ttl, TimeSpan.FromSeconds(options.WaitSeconds), ct)
            ?? throw Errors.ConflictoConcurrente(request.Tag.Trim()).Throw();
        var lease = new HeldLease(locks, acquired, ttl, TimeSpan.FromSeconds(options.WriteMarginSeconds), requested);
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
            await ApplyWithRetriesAsync(composed.Batch with { Guard = new WriteGuard(request.CommandId, slot, lease) }, lease, progress, ct);
            cache.Patch(composed.After, composed.Entries);

            // The view reads the command's own Metadata rows too (the last rejection, FLOOR F4).
            var view = SpoolView.Of(composed.After, fresh.With(composed.After, composed.Entries, clock.UtcNow), now);
            outcome = new CommandOutcome(request.CommandId, spool.Tag, decided.Resultado, decided.Mensaje, view.EstadoDetalle, view.DisplayState,
                decided.UnionesProcesadas, decided.PulgadasProcesadas, decided.MetrologiaLista, Replay: false, view);
            change = new SpoolChanged(spool.Tag, request.Type.ToString(), decided.Events[0].Evento, view.EstadoDetalle, view.DisplayState.ToString(),
                view.Occupant, request.CommandId, clock.UtcNow, node.Id, node.NextSequence(),
                AnnouncedRows.Of(read, composed.Batch, fresh.Audit.Last?.RowNumber ?? 1));
        }
        finally
        {
            await lease.DisposeAsync();
        }

        progress.Enter(CommandSteps.Publicacion);
        // FLOOR F3: union rows were appended and deleted, so row positions of other spools moved too.
        if (change.Evento == AuditEvent.UnionesDefinidas) await cache.RefreshAsync();
        feed.Notify(change);
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
    /// DOMAIN 1.6 and 6.4: store failures are retried with exponential backoff and jitter until the bounded
    /// number of attempts. Every send is fenced by the lease: a lease that was lost or runs out too soon
    /// sends nothing (CONFLICTO_CONCURRENTE). After a send whose outcome is unknown, the next attempt first
    /// looks the command id up; a failed lookup is one more failed attempt, never the end of the retries.
    /// A resend is safe even when the lookup misses a late first copy: the store refuses a second copy
    /// of a command's batch (Google: the command's marker; SQLite: one local transaction).
    /// </summary>
    private async Task ApplyWithRetriesAsync(WorkbookBatch batch, HeldLease lease, CommandProgress progress, CancellationToken ct)
    {
        var options = workbookOptions.Value;
        var tag = progress.Request.Tag.Trim();
        var outcomeUnknown = false;
        var lookUp = false;
        for (var attempt = 0; ; attempt++)
        {
            Exception failure;
            try
            {
                if (lookUp)
                {
                    if (Replay.IsKnown(await ReadFreshAsync(tag, ct), progress.Request.CommandId)) return;
                    lookUp = false;
                }
                await lease.CheckAsync(ct);
                await workbook.ApplyAsync(batch, ct);
                return;
            }
            catch (WorkbookAlreadyAppliedException)
            {
                // An earlier copy of this very batch landed.
                return;
            }
            catch (WorkbookConflictException)
            {
                // Another node wrote this spool since our read (only possible without a shared lease).
                throw Errors.ConflictoConcurrente(tag).Throw();
            }
            catch (WriteFencedException fenced)
            {
                if (!outcomeUnknown) throw Errors.ConflictoConcurrente(tag).Throw();
                // An earlier copy may still land: its outcome stays unknown and the lease is left to run out.
                lease.KeepUntilExpiry();
                throw new WorkbookUnavailableException("El lease venció con una escritura sin confirmar.", fenced, outcomeUnknown: true);
            }
            catch (WorkbookUnavailableException ex)
            {
                if (ex.OutcomeUnknown) outcomeUnknown = lookUp = true;
                failure = ex;
            }
            if (attempt >= options.Retries)
            {
                if (outcomeUnknown) lease.KeepUntilExpiry();
                ExceptionDispatchInfo.Throw(failure);
            }
            var delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs * Math.Pow(2, attempt) * (0.8 + Random.Shared.NextDouble() * 0.4));
            telemetry.Retrying(progress, attempt + 1, delay, failure);
            await Task.Delay(delay, ct);
        }
    }

    /// <summary>The targeted read (DOMAIN 1.6): the spool's rows and the Metadata rows appended since the snapshot.</summary>
    private async Task<PlantSnapshot> ReadFreshAsync(string tag, CancellationToken ct) => (await targeted.ReadAsync(tag, ct)).Plant;

    private static void EnsureSchema(SchemaReport schema)
    {
        if (schema.Error is { } missing) throw missing.Throw();
    }

    private static Worker? Authorize(PlantSnapshot plant, CommandRequest request)
    {
        var actor = request.Actor;
        if (request.IsSupervisorCommand || (actor.IsSupervisor && request.Type == CommandType.NOTA))
            return CommandRules.Actor(null, request) is { } refused ? throw refused.Throw() : null;
        if (actor.WorkerId is not { } id) throw Errors.Entrada("falta el trabajador (workerId)").Throw();
        if (!plant.Workers.TryGetValue(id, out var worker)) throw Errors.WorkerNoEncontrado(id).Throw();
        if (CommandRules.Actor(worker, request) is { } denied) throw denied.Throw();
        return worker;
    }
}
