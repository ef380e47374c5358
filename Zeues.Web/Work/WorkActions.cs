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
public sealed class WorkActions(IDialogService dialogs, SpoolCommands commands, SpoolLists lists, PlantClock clock, Realtime.CommandActivity activity)
{
    /// <summary>The supervisor recording for the worker (FLOOR F2), or null on a worker's own tablet.</summary>
    private string? _registradoPor;

    /// <summary>The same dialog sequences, each command run as the chosen worker's own and recorded by this supervisor (FLOOR F2).</summary>
    public WorkActions RecordedBy(string supervisor) => new(dialogs, commands, lists, clock, activity) { _registradoPor = supervisor };

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
            ? ConfirmAsync("INICIAR REPARACIÓN",
                WithRechazo([$"{spool.Tag} · {spool.Nv}", $"Ciclo {spool.Cycle}/3.", $"El spool quedará ocupado por {worker.Token}."], spool),
                id => Run(id, CommandType.INICIAR, spool.Tag, worker, op))
            : ConfirmAsync($"INICIAR {op.Nombre()}", [$"{spool.Tag} · {spool.Nv}", $"El spool quedará ocupado por {worker.Token}."],
                id => Run(id, CommandType.INICIAR, spool.Tag, worker, op));

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
                activity.TrackAsync(() => commands.StartManyAsync(Guid.NewGuid(), tags, ActorFor(worker), op, progress: progress))) },
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
            });
            if (selected is null) return null;
            if (selected.Count == 0) return await CancelarAsync(worker, fresh, op, CommandType.FINALIZAR);

            var preview = FinalizarPreview.Of(fresh, op, selected);
            var result = await ConfirmAsync($"FINALIZAR {op.Nombre()}",
                [$"{preview.Selected} uniones · {Inches(preview.Pulgadas)}\"",
                    preview.Completes ? $"{op.Nombre()} COMPLETA" + (preview.ToMetrologia ? " — pasa a metrología" : "") : $"Quedará PAUSADO ({preview.After})"],
                id => Run(id, CommandType.FINALIZAR, spool.Tag, worker, op, selected));
            if (result?.Error?.Code != ErrorCode.UNIONES_NO_DISPONIBLES) return result;
            // Reload the unions, mark the taken ones and keep the rest of the selection (UX 4.3).
            keep = selected;
            error = result.Error.Message;
        }
    }

    public Task<CommandResult?> CancelarAsync(Worker worker, SpoolView spool, Operacion op, CommandType type = CommandType.CANCELAR) =>
        ConfirmAsync("¿LIBERAR SIN REGISTRAR?", [$"El spool {spool.Tag} quedará disponible y no se registrará trabajo."],
            id => Run(id, type, spool.Tag, worker, op, type == CommandType.FINALIZAR ? [] : null), "SÍ, LIBERAR SPOOL", danger: true);

    public Task<CommandResult?> PausarAsync(Worker worker, SpoolView spool, Operacion op) =>
        ConfirmAsync($"PAUSAR {op.Nombre()}", ["El spool quedará disponible; el avance registrado se conserva."],
            id => Run(id, CommandType.PAUSAR, spool.Tag, worker, op));

    public Task<CommandResult?> CompletarAsync(Worker worker, SpoolView spool, Operacion op) =>
        ConfirmAsync($"COMPLETAR {op.Nombre()}",
            op == Operacion.REPARACION
                ? WithRechazo([$"Ciclo {spool.Cycle}/3.", "El spool vuelve a metrología."], spool)
                : Lines([$"Se registrará {op.Nombre()} completado el {clock.Today:dd-MM-yyyy} a nombre de {worker.Token}."]),
            id => Run(id, CommandType.COMPLETAR, spool.Tag, worker, op));

    public async Task<CommandResult?> MetrologiaAsync(Worker worker, SpoolView spool)
    {
        if (await ShowAsync<MetrologyDialog, MetrologyChoice>(new DialogParameters<MetrologyDialog> { { d => d.Spool, spool } }) is not { } choice)
            return null;
        var resultado = choice.Resultado;
        var lines = new List<string> { MetrologiaPreview.EstadoDetalle(spool, resultado) };
        if (choice.Motivo is { } motivo) lines.Add($"Motivo: {motivo.Label()}" + (choice.Detalle is { } d ? $" — {d}" : ""));
        if (choice.Unions is { Count: > 0 } unions) lines.Add($"Uniones rechazadas: {string.Join(", ", unions)}");
        if (resultado == ResultadoMetrologia.RECHAZADO && MetrologiaPreview.Blocks(spool)) lines.Add("Este rechazo BLOQUEARÁ el spool.");
        return await ConfirmAsync($"REGISTRAR {resultado}", lines,
            id => Execute(new CommandRequest(id, CommandType.METROLOGIA, spool.Tag, ActorFor(worker), Unions: choice.Unions, Resultado: resultado,
                Motivo: choice.Motivo, Detalle: choice.Detalle)),
            danger: resultado == ResultadoMetrologia.RECHAZADO);
    }

    public Task<CommandResult?> NotaAsync(Actor actor, SpoolView spool) =>
        ShowAsync<NotesDialog, CommandResult>(new DialogParameters<NotesDialog>
        {
            { d => d.Spool, spool },
            { d => d.Run, (Func<Guid, string, Task<CommandResult>>)((id, texto) =>
                Execute(new CommandRequest(id, CommandType.NOTA, spool.Tag, actor, Texto: texto))) },
        });

    /// <summary>FLOOR F3: the supervisor's union editor; it runs DEFINIR_UNIONES itself and returns its result.</summary>
    public Task<CommandResult?> DefinirUnionesAsync(string supervisor, SpoolView spool) =>
        ShowAsync<DefineUnionsDialog, CommandResult>(new DialogParameters<DefineUnionsDialog> { { d => d.Spool, spool }, { d => d.Supervisor, supervisor } },
            new DialogOptions { BackdropClick = false, CloseOnEscapeKey = true, CloseButton = true, MaxWidth = MaxWidth.Medium, FullWidth = true });

    public async Task<bool> StillThereAsync(int seconds) =>
        await ShowAsync<IdleDialog, bool?>(new DialogParameters<IdleDialog> { { d => d.Seconds, seconds } },
            new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, CloseButton = false, MaxWidth = MaxWidth.ExtraSmall }) == true;

    private Task<CommandResult> Run(Guid id, CommandType type, string tag, Worker worker, Operacion op, IReadOnlyList<string>? unions = null) =>
        Execute(new CommandRequest(id, type, tag, ActorFor(worker), op, unions));

    private Task<CommandResult> Execute(CommandRequest request) => activity.TrackAsync(() => commands.ExecuteAsync(request));

    private Task<CommandResult?> ConfirmAsync(string title, IReadOnlyList<string> lines, Func<Guid, Task<CommandResult>> run, string confirm = "CONFIRMAR",
        bool danger = false) => ConfirmAsync(title, Lines(lines), run, confirm, danger);

    private Task<CommandResult?> ConfirmAsync(string title, Microsoft.AspNetCore.Components.RenderFragment content, Func<Guid, Task<CommandResult>> run,
        string confirm = "CONFIRMAR", bool danger = false) =>
        ShowAsync<CommandDialog, CommandResult>(new DialogParameters<CommandDialog>
        {
            { d => d.Title, title }, { d => d.ChildContent, content }, { d => d.Run, run }, { d => d.ConfirmText, confirm }, { d => d.Danger, danger },
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
