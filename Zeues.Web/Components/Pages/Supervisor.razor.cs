using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;
using Zeues.Web.Components.Dialogs;
using Zeues.Web.Work;

namespace Zeues.Web.Components.Pages;

/// <summary>
/// /supervisor (FLOOR F2): the /trabajo picker for every operation without identifying a worker;
/// each action first asks ¿PARA QUIÉN? and then runs the worker's own dialog and command, recorded by
/// the supervisor. Batch assign and MI LISTA live here too.
/// </summary>
public partial class Supervisor
{
    private const int MaxSelection = 50;

    private static readonly IReadOnlyList<Operacion> Operations = [Operacion.ARM, Operacion.SOLD, Operacion.METROLOGIA, Operacion.REPARACION];

    [CascadingParameter] private Task<AuthenticationState>? Auth { get; set; }
    [Inject] private SpoolLists Lists { get; set; } = null!;
    [Inject] private SupervisorLists Pins { get; set; } = null!;
    [Inject] private WorkActions WorkerActions { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private PlantClock Clock { get; set; } = null!;

    private string? _supervisor;
    private WorkActions _actions = null!;
    private Operacion _op = Operacion.ARM;
    private bool _listaTab;
    private PickerList _list = new([], [], []);
    private Dictionary<Operacion, int> _counts = [];
    private MiLista _lista = new([]);
    private IReadOnlyList<SpoolView> _listaSpools = [];
    private IReadOnlyList<Worker> _workers = [];
    private readonly HashSet<string> _selected = new(StringComparer.OrdinalIgnoreCase);
    private string? _search;
    private string? _pin;
    private bool _limitReached;

    private string? SchemaError { get; set; }

    private bool Selecting => _op is Operacion.ARM or Operacion.SOLD;

    private IReadOnlyList<SpoolView> Visible => [.. _list.Items, .. _list.ReadOnly];

    protected override async Task OnInitializedAsync()
    {
        var state = Auth is null ? null : await Auth;
        _supervisor = Api.SupervisorSession.Name(state?.User);
        if (_supervisor is null) return;
        _actions = WorkerActions.RecordedBy(_supervisor);
        await ReloadAsync();
    }

    protected override async Task ReloadAsync()
    {
        if (_supervisor is null) return;
        var plant = await Cache.GetAsync();
        SchemaError = plant.Schema.FirstMissing is { } m ? Errors.EsquemaInvalido(m.Sheet, m.Column).Message : null;
        _workers = plant.ActiveWorkers.ToList();
        _counts = [];
        foreach (var op in Operations) _counts[op] = (await Lists.GetAsync(op, ListAccion.INICIAR)).Items.Count;
        _list = await Lists.GetAsync(_op, ListAccion.INICIAR, search: _search);
        _selected.IntersectWith(_list.Items.Select(s => s.Tag));
        try
        {
            _lista = await Pins.GetAsync(_supervisor);
        }
        catch (ZeuesException ex)
        {
            _lista = new MiLista([], ex.Error.Message);
        }
        var now = Clock.Now;
        _listaSpools = _lista.Spools(plant).Select(s => SpoolView.Of(s, plant, now)).ToList();
        if (!_lista.Disponible) _listaTab = false;
    }

    private async Task SelectTabAsync(Operacion op)
    {
        _op = op;
        _listaTab = false;
        _selected.Clear();
        await ReloadAsync();
    }

    private async Task SelectListaAsync()
    {
        _listaTab = true;
        _selected.Clear();
        await ReloadAsync();
    }

    private async Task OnSearchAsync(string? text)
    {
        _search = text;
        await ReloadAsync();
    }

    private async Task OnTapAsync(SpoolView spool)
    {
        if (SchemaError is not null) return;
        if (Selecting)
        {
            if (!_selected.Remove(spool.Tag))
            {
                _limitReached = _selected.Count >= MaxSelection;
                if (!_limitReached) _selected.Add(spool.Tag);
            }
            return;
        }
        await StartAsync(spool, _op);
    }

    private Task OnListaTapAsync(SpoolView spool) =>
        SpoolActions.StartFor(spool) is { } op && SchemaError is null ? StartAsync(spool, op) : Task.CompletedTask;

    /// <summary>The worker's own start dialog for one spool: metrology, or INICIAR of the operation.</summary>
    private async Task StartAsync(SpoolView spool, Operacion op)
    {
        if (await ForWhomAsync(op, $"{spool.Tag} · {op.Nombre()}") is not { } worker) return;
        await ShowAsync(op == Operacion.METROLOGIA ? await _actions.MetrologiaAsync(worker, spool) : await _actions.IniciarAsync(worker, spool, op));
    }

    private async Task OnOccupantActionAsync(SpoolView spool, CommandType action)
    {
        if (spool.OperacionEnCurso is not { } op || await ForWhomAsync(op, $"{spool.Tag} · {action} {op.Nombre()}") is not { } worker) return;
        await ShowAsync(action switch
        {
            CommandType.FINALIZAR => await _actions.FinalizarAsync(worker, spool, op),
            CommandType.PAUSAR => await _actions.PausarAsync(worker, spool, op),
            CommandType.COMPLETAR => await _actions.CompletarAsync(worker, spool, op),
            _ => await _actions.CancelarAsync(worker, spool, op),
        });
    }

    /// <summary>ASIGNAR A UN TRABAJADOR: the selected spools of this operation started for one worker (DOMAIN 4.10).</summary>
    private async Task AssignSelectedAsync()
    {
        var tags = _list.Items.Where(s => _selected.Contains(s.Tag)).Select(s => s.Tag).ToList();
        if (tags.Count == 0 || await ForWhomAsync(_op, $"ASIGNAR {tags.Count} SPOOLS DE {_op.Nombre()}") is not { } worker) return;
        var batch = await _actions.IniciarVariosAsync(worker, tags, _op);
        if (batch is null) return;
        _selected.Clear();
        foreach (var failed in batch.Items.Where(i => !i.Result.Succeeded)) _selected.Add(failed.Tag);
        Snackbar.Add(batch.Resumen, batch.Failed == 0 ? Severity.Success : Severity.Warning);
        await ReloadAsync();
    }

    private async Task DefinirAsync(SpoolView spool)
    {
        if (_supervisor is null) return;
        await ShowAsync(await WorkerActions.DefinirUnionesAsync(_supervisor, spool));
    }

    private async Task NotesAsync(SpoolView spool)
    {
        if (_supervisor is null) return;
        await ShowAsync(await _actions.NotaAsync(Actor.ForSupervisor(_supervisor), spool));
    }

    private async Task<Worker?> ForWhomAsync(Operacion op, string title)
    {
        var reference = await Dialogs.ShowAsync<ForWhomDialog>(null, new DialogParameters<ForWhomDialog>
        {
            { d => d.Workers, _workers }, { d => d.Operacion, op }, { d => d.Title, title },
        }, new DialogOptions { BackdropClick = false, CloseOnEscapeKey = true, CloseButton = true, MaxWidth = MaxWidth.Medium, FullWidth = true });
        return await reference.Result is { Canceled: false, Data: Worker worker } ? worker : null;
    }

    private async Task ShowAsync(CommandResult? result)
    {
        if (result?.Outcome is { } outcome) Snackbar.Add(outcome.Mensaje, Severity.Success);
        await ReloadAsync();
    }

    private async Task PinAsync()
    {
        if (_supervisor is null || string.IsNullOrWhiteSpace(_pin)) return;
        await EditListAsync(() => Pins.AddAsync(_supervisor, _pin));
        _pin = null;
    }

    private async Task PinKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await PinAsync();
    }

    private Task UnpinAsync(string clave) => _supervisor is null ? Task.CompletedTask : EditListAsync(() => Pins.RemoveAsync(_supervisor, clave));

    private Task TogglePinAsync(string tag) => _lista.Contains(tag) ? UnpinAsync(tag) : EditListAsync(() => Pins.AddAsync(_supervisor!, tag));

    private async Task EditListAsync(Func<Task<MiLista>> edit)
    {
        try
        {
            _lista = await edit();
        }
        catch (ZeuesException ex)
        {
            Snackbar.Add(ex.Error.Message, Severity.Error, c => c.RequireInteraction = true);
        }
        await ReloadAsync();
    }
}
