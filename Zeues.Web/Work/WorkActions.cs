using MudBlazor;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;
using Zeues.Web.Components.Dialogs;

namespace Zeues.Web.Work;

/// <summary>
/// The dialog sequences of the work screen (UX 4.3): each gathers intent, confirms what will be
/// recorded and runs the one command flow. Returns null when the worker backed out.
/// </summary>
public sealed class WorkActions(IDialogService dialogs, SpoolCommands commands, SpoolLists lists, PlantClock clock, Realtime.CommandActivity activity,
    Realtime.PendingCommand pending)
{
    /// <summary>The supervisor recording for the worker (FLOOR F2), or null on a worker's own tablet.</summary>
    private string? _registradoPor;

    /// <summary>The same dialog sequences, each command run as the chosen worker's own and recorded by this supervisor (FLOOR F2).</summary>
    public WorkActions RecordedBy(string supervisor) => new(dialogs, commands, lists, clock, activity, pending) { _registradoPor = supervisor };

    private Actor ActorFor(Worker worker) => _registradoPor is { } supervisor ? Actor.RecordedBy(worker.Id, supervisor) : Actor.ForWorker(worker.Id);

    private static readonly DialogOptions Options = new()
    {
        BackdropClick = false,
        CloseOnEscapeKey = true,
        CloseButton = true,
        CloseOnNavigation = true,
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
    };

    public Task<CommandResult?> IniciarAsync(Worker worker, SpoolView spool, Operacion op) =>
        op == Operacion.REPARACION
            ? ConfirmWithAsync("INICIAR REPARACIÓN", spool,
                s => WithRechazo([$"{s.Tag} · {s.Nv}", $"Ciclo {s.Cycle}/3.", $"El spool quedará ocupado por {worker.Token}."], s),
                Ready(CommandType.INICIAR, spool.Tag, worker, op))
            : ConfirmAsync($"INICIAR {op.Nombre()}", spool, s => [$"{s.Tag} · {s.Nv}", $"El spool quedará ocupado por {worker.Token}."],
                Ready(CommandType.INICIAR, spool.Tag, worker, op));

    public async Task<BatchStartResult?> IniciarVariosAsync(Worker worker, IReadOnlyList<string> tags, Operacion op)
    {
        var confirmed = await ShowAsync<CommandDialog, bool?>(new DialogParameters<CommandDialog>
        {
            { d => d.Title, $"INICIAR {op.Nombre()} EN {tags.Count} SPOOLS" },
            { d => d.ChildContent, Lines([.. tags, $"Los spools quedarán ocupados por {worker.Token}."]) },
        });
        if (confirmed != true) return null;
        return await ShowAsync<BatchStartDialog, BatchStartResult>(new DialogParameters<BatchStartDialog>
        {
            { d => d.Tags, tags },
            { d => d.Operacion, op },
            { d => d.Run, (Func<IProgress<int>, Task<BatchStartResult>>)(progress =>
                activity.TrackAsync(() => commands.StartManyAsync(NewId(), tags, ActorFor(worker), op, progress: progress))) },
        }, new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, CloseButton = false, MaxWidth = MaxWidth.Small, FullWidth = true });
    }

    public async Task<CommandResult?> FinalizarAsync(Worker worker, SpoolView spool, Operacion op)
    {
        IReadOnlyCollection<string>? keep = null;
        string? error = null;
        while (true)
        {
            var fresh = await lists.FindAsync(spool.Tag) ?? spool;
            var selected = await ShowAsync<UnionDialog, List<string>>(new DialogParameters<UnionDialog>
            {
                { d => d.Spool, fresh }, { d => d.Operacion, op }, { d => d.Keep, keep }, { d => d.Error, error },
                { d => d.Preview, (Func<IReadOnlyList<string>, Task<CommandResult>>)(unions =>
                    commands.PreviewAsync(new CommandRequest(NewId(), CommandType.FINALIZAR, spool.Tag, ActorFor(worker), op, unions))) },
            });
            if (selected is null) return null;
            if (selected.Count == 0) return await CancelarAsync(worker, fresh, op, CommandType.FINALIZAR);

            var result = await ConfirmDecidedAsync($"FINALIZAR {op.Nombre()}", fresh, async s =>
                    FinalizarLines(await commands.PreviewAsync(new CommandRequest(NewId(), CommandType.FINALIZAR, s.Tag, ActorFor(worker), op, selected)), op),
                Ready(CommandType.FINALIZAR, spool.Tag, worker, op, selected));
            if (result?.Error?.Code != ErrorCode.UNIONES_NO_DISPONIBLES) return result;
            // Reload the unions, mark the taken ones and keep the rest of the selection (UX 4.3).
            keep = selected;
            error = result.Error.Message;
        }
    }

    public Task<CommandResult?> CancelarAsync(Worker worker, SpoolView spool, Operacion op, CommandType type = CommandType.CANCELAR) =>
        ConfirmAsync("¿LIBERAR SIN REGISTRAR?", spool, s => [$"El spool {s.Tag} quedará disponible y no se registrará trabajo."],
            Ready(type, spool.Tag, worker, op, type == CommandType.FINALIZAR ? [] : null), "SÍ, LIBERAR SPOOL", danger: true);

    public Task<CommandResult?> PausarAsync(Worker worker, SpoolView spool, Operacion op) =>
        ConfirmAsync($"PAUSAR {op.Nombre()}", spool, _ => ["El spool quedará disponible; el avance registrado se conserva."],
            Ready(CommandType.PAUSAR, spool.Tag, worker, op));

    public Task<CommandResult?> CompletarAsync(Worker worker, SpoolView spool, Operacion op) =>
        ConfirmWithAsync($"COMPLETAR {op.Nombre()}", spool, s =>
            op == Operacion.REPARACION
                ? WithRechazo([$"Ciclo {s.Cycle}/3.", "El spool vuelve a metrología."], s)
                : Lines([$"Se registrará {op.Nombre()} completado el {clock.Today:dd-MM-yyyy} a nombre de {worker.Token}."]),
            Ready(CommandType.COMPLETAR, spool.Tag, worker, op));

    public async Task<CommandResult?> MetrologiaAsync(Worker worker, SpoolView spool)
    {
        // The rule book decides both outcomes; a rejection's motivo is only what the dialog asks next.
        CommandRequest Request(ResultadoMetrologia r, MetrologyChoice? c = null) => new(NewId(), CommandType.METROLOGIA, spool.Tag, ActorFor(worker),
            Unions: c?.Unions, Resultado: r, Motivo: c?.Motivo ?? (r == ResultadoMetrologia.RECHAZADO ? MotivoRechazo.DIMENSIONAL : null), Detalle: c?.Detalle);
        var bloquea = (await commands.PreviewAsync(Request(ResultadoMetrologia.RECHAZADO))).Outcome?.Resultado == Resultado.BLOQUEADO;
        if (await ShowAsync<MetrologyDialog, MetrologyChoice>(new DialogParameters<MetrologyDialog>
            {
                { d => d.Spool, spool }, { d => d.BloqueaSiRechaza, bloquea },
            }) is not { } choice)
            return null;
        var resultado = choice.Resultado;
        var preview = await commands.PreviewAsync(Request(resultado, choice));
        var lines = new List<string> { preview.Outcome?.EstadoDetalle ?? preview.Error!.Message };
        if (choice.Motivo is { } motivo) lines.Add($"Motivo: {motivo.Label()}" + (choice.Detalle is { } d ? $" — {d}" : ""));
        if (choice.Unions is { Count: > 0 } unions) lines.Add($"Uniones rechazadas: {string.Join(", ", unions)}");
        if (preview.Outcome?.Resultado == Resultado.BLOQUEADO) lines.Add("Este rechazo BLOQUEARÁ el spool.");
        return await ConfirmAsync($"REGISTRAR {resultado}", lines,
            Ready(new CommandRequest(NewId(), CommandType.METROLOGIA, spool.Tag, ActorFor(worker), Unions: choice.Unions, Resultado: resultado,
                Motivo: choice.Motivo, Detalle: choice.Detalle)),
            danger: resultado == ResultadoMetrologia.RECHAZADO);
    }

    public Task<CommandResult?> NotaAsync(Actor actor, SpoolView spool) =>
        ShowAsync<NotesDialog, CommandResult>(new DialogParameters<NotesDialog>
        {
            { d => d.Spool, spool },
            { d => d.Run, new CommandDrafts<string>(texto => Ready(new CommandRequest(NewId(), CommandType.NOTA, spool.Tag, actor, Texto: texto)), t => t).RunAsync },
        });

    /// <summary>Whether the rule book allows this worker's command on the spool now (on the snapshot).</summary>
    public async Task<bool> AllowsAsync(Worker worker, string tag, CommandType type, Operacion op) =>
        (await commands.PreviewAsync(new CommandRequest(NewId(), type, tag, ActorFor(worker), op))).Succeeded;

    /// <summary>FLOOR F3: the supervisor's union editor; each GUARDAR runs DEFINIR_UNIONES for the list shown.</summary>
    public Task<CommandResult?> DefinirUnionesAsync(string supervisor, SpoolView spool)
    {
        var drafts = new CommandDrafts<IReadOnlyList<UnionSpec>>(
            specs => Ready(new CommandRequest(NewId(), CommandType.DEFINIR_UNIONES, spool.Tag, Actor.ForSupervisor(supervisor), Uniones: specs)),
            specs => string.Join(";", specs));
        return ShowAsync<DefineUnionsDialog, CommandResult>(new DialogParameters<DefineUnionsDialog> { { d => d.Spool, spool }, { d => d.Run, drafts.RunAsync } },
            new DialogOptions { BackdropClick = false, CloseOnEscapeKey = true, CloseButton = true, MaxWidth = MaxWidth.Medium, FullWidth = true });
    }

    /// <summary>
    /// UX 4.8: LIBERAR or DESBLOQUEAR by a supervisor, with the MOTIVO asked and the state it leaves shown
    /// before CONFIRMAR. <paramref name="sessionLive"/> is the page's session check, run before each send.
    /// </summary>
    public async Task<CommandResult?> SupervisarAsync(string supervisor, CommandType type, string tag, string? motivo = null,
        Func<Task<bool>>? sessionLive = null)
    {
        CommandRequest Request(string? texto) => new(NewId(), type, tag, Actor.ForSupervisor(supervisor), Texto: texto);
        var preview = (await commands.PreviewAsync(Request("vista previa"))).Outcome?.EstadoDetalle;
        var drafts = new CommandDrafts<string>(texto => Ready(Request(texto)), t => t);
        return await ShowAsync<SupervisorDialog, CommandResult>(new DialogParameters<SupervisorDialog>
        {
            { d => d.Type, type }, { d => d.Tag, tag }, { d => d.Motivo, motivo }, { d => d.Preview, preview }, { d => d.SessionLive, sessionLive },
            { d => d.Run, drafts.RunAsync },
        });
    }

    /// <summary>UX 4.3 FINALIZAR confirmation: what the command decides for this selection.</summary>
    public static IReadOnlyList<string> FinalizarLines(CommandResult preview, Operacion op)
    {
        if (preview.Outcome is not { } o) return [preview.Error!.Message];
        var after = op == Operacion.ARM ? o.Spool.ArmProgress : o.Spool.SoldProgress;
        return [$"{o.UnionesProcesadas} uniones · {Inches(o.PulgadasProcesadas)}\"",
            o.Resultado == Resultado.COMPLETADO ? $"{op.Nombre()} COMPLETA" + (o.MetrologiaLista ? " — pasa a metrología" : "") : $"Quedará PAUSADO ({after})"];
    }

    public async Task<bool> StillThereAsync(int seconds) =>
        await ShowAsync<IdleDialog, bool?>(new DialogParameters<IdleDialog> { { d => d.Seconds, seconds } },
            new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, CloseButton = false, MaxWidth = MaxWidth.ExtraSmall }) == true;

    /// <summary>Every command this work flow sends gets its id here, once, when the worker's intent is known (DOMAIN 6.4).</summary>
    private static Guid NewId() => Guid.CreateVersion7();

    private ReadyCommand Ready(CommandType type, string tag, Worker worker, Operacion op, IReadOnlyList<string>? unions = null) =>
        Ready(new CommandRequest(NewId(), type, tag, ActorFor(worker), op, unions));

    /// <summary>Sent through the tab's pending-command record, so a reload resends it under the same id (FLOOR F5).</summary>
    private ReadyCommand Ready(CommandRequest request) =>
        new(request, r => activity.TrackAsync(() => pending.RunAsync(r, () => commands.ExecuteAsync(r))));

    /// <summary>A confirmation about one spool: its body is rebuilt from fresh data when the spool changes underneath (UX 5).</summary>
    private Task<CommandResult?> ConfirmAsync(string title, SpoolView spool, Func<SpoolView, IReadOnlyList<string>> lines, ReadyCommand command,
        string confirm = "CONFIRMAR", bool danger = false) =>
        ConfirmWithAsync(title, spool, s => Lines(lines(s)), command, confirm, danger);

    private Task<CommandResult?> ConfirmWithAsync(string title, SpoolView spool, Func<SpoolView, Microsoft.AspNetCore.Components.RenderFragment> content,
        ReadyCommand command, string confirm = "CONFIRMAR", bool danger = false) =>
        ConfirmDecidedAsync(title, spool, s => Task.FromResult(content(s)), command, confirm, danger);

    /// <summary>As above, for a body the command flow decides (the preview of the fresh spool).</summary>
    private Task<CommandResult?> ConfirmDecidedAsync(string title, SpoolView spool, Func<SpoolView, Task<IReadOnlyList<string>>> lines,
        ReadyCommand command, string confirm = "CONFIRMAR", bool danger = false) =>
        ConfirmDecidedAsync(title, spool, async s => Lines(await lines(s)), command, confirm, danger);

    private async Task<CommandResult?> ConfirmDecidedAsync(string title, SpoolView spool, Func<SpoolView, Task<Microsoft.AspNetCore.Components.RenderFragment>> content,
        ReadyCommand command, string confirm = "CONFIRMAR", bool danger = false) =>
        await ShowAsync<CommandDialog, CommandResult>(new DialogParameters<CommandDialog>
        {
            { d => d.Title, title }, { d => d.ChildContent, await content(spool) }, { d => d.Command, command }, { d => d.ConfirmText, confirm }, { d => d.Danger, danger },
            { d => d.Tag, spool.Tag },
            { d => d.Refresh, (Func<Task<Microsoft.AspNetCore.Components.RenderFragment?>>)(async () =>
                await lists.FindAsync(spool.Tag) is { } fresh ? await content(fresh) : null) },
        });

    private Task<CommandResult?> ConfirmAsync(string title, IReadOnlyList<string> lines, ReadyCommand command, string confirm = "CONFIRMAR",
        bool danger = false) =>
        ShowAsync<CommandDialog, CommandResult>(new DialogParameters<CommandDialog>
        {
            { d => d.Title, title }, { d => d.ChildContent, Lines(lines) }, { d => d.Command, command }, { d => d.ConfirmText, confirm }, { d => d.Danger, danger },
        });

    private async Task<TResult?> ShowAsync<TDialog, TResult>(DialogParameters parameters, DialogOptions? options = null) where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var reference = await dialogs.ShowAsync<TDialog>(null, parameters, options ?? Options);
        var result = await reference.Result;
        return result is { Canceled: false, Data: TResult data } ? data : default;
    }

    private static Microsoft.AspNetCore.Components.RenderFragment Lines(IEnumerable<string> lines) => builder =>
    {
        foreach (var line in lines)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, line);
            builder.CloseElement();
        }
    };

    /// <summary>The repair dialogs show what the rejection named, rejected unions highlighted with their welder (FLOOR F4).</summary>
    private static Microsoft.AspNetCore.Components.RenderFragment WithRechazo(IEnumerable<string> lines, SpoolView spool) => builder =>
    {
        builder.AddContent(0, Lines(lines));
        builder.OpenComponent<Components.Shared.RechazoDetail>(1);
        builder.AddComponentParameter(2, nameof(Components.Shared.RechazoDetail.Spool), spool);
        builder.AddComponentParameter(3, nameof(Components.Shared.RechazoDetail.Full), true);
        builder.CloseComponent();
    };

    private static string Inches(decimal d) => Pulgadas.Text(d);
}
