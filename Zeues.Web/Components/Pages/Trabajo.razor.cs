using Microsoft.AspNetCore.Components;
using MudBlazor;
using Zeues.Core.Coordination;
using Zeues.Core.Domain;
using Zeues.Core.Queries;
using Zeues.Core.Workflows;
using Zeues.Web.Realtime;
using Zeues.Web.Work;

namespace Zeues.Web.Components.Pages;

/// <summary>/trabajo: gathers intent, runs it through <see cref="WorkActions"/>, renders the typed result.</summary>
public partial class Trabajo
{
    [Inject] private WorkerSession Session { get; set; } = null!;
    [Inject] private SpoolLists Lists { get; set; } = null!;
    [Inject] private SpoolAcciones Acciones { get; set; } = null!;
    [Inject] private WorkActions Actions { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private Worker? _worker;
    private Operacion _op;
    private IReadOnlyList<SpoolView> _mine = [];
    private PickerList _list = new([], [], []);
    private SearchReasons? _reasons;
    private Dictionary<Operacion, int> _counts = [];
    private readonly HashSet<string> _selected = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _flash = new(StringComparer.OrdinalIgnoreCase);
    private string? _search;
    private DisplayState? _filter;
    private bool _limitReached;

    private bool Selecting => _op is Operacion.ARM or Operacion.SOLD;

    private string? SchemaError { get; set; }

    private IReadOnlyList<DisplayState> FilterStates => _op switch
    {
        Operacion.METROLOGIA => [DisplayState.PENDIENTE_METROLOGIA],
        Operacion.REPARACION => [DisplayState.RECHAZADO, DisplayState.PAUSADO, DisplayState.BLOQUEADO],
        _ => [DisplayState.LIBRE, DisplayState.PAUSADO],
    };

    private IReadOnlyList<SpoolView> Visible => _list.Items.Concat(_list.ReadOnly).Where(s => _filter is null || s.DisplayState == _filter).ToList();

    private int CountOf(DisplayState state) => _list.Items.Concat(_list.ReadOnly).Count(s => s.DisplayState == state);

    protected override async Task OnInitializedAsync()
    {
        _worker = Session.Current;
        if (_worker is not null) await FirstLoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _worker is not null || !RendererInfo.IsInteractive) return;
        // A reload of the tab restores its worker from tab storage; without one the tablet goes back to "/".
        _worker = await Session.RestoreAsync();
        if (_worker is null)
        {
            Navigation.NavigateTo("/");
            return;
        }
        await FirstLoadAsync();
        StateHasChanged();
    }

    private async Task FirstLoadAsync()
    {
        await ReloadAsync();
        // Default tab: the operation of the newest Mis spools card, else the first tab (UX 4.2).
        var newest = _mine.LastOrDefault()?.OperacionEnCurso;
        _op = newest is { } n && _worker!.Operaciones.Contains(n) ? n : _worker!.Operaciones.FirstOrDefault();
        await ReloadAsync();
    }

    protected override async Task ReloadAsync()
    {
        if (_worker is null) return;
        var plant = await Cache.GetAsync();
        if (!plant.Workers.TryGetValue(_worker.Id, out var current) || !current.Activo)
        {
            await Session.ClearAsync();
            Navigation.NavigateTo("/");
            return;
        }
        _worker = current;
        SchemaError = plant.Schema.Error?.Message;
        _counts = [];
        _reasons = null;
        if (SchemaError is not null)
        {
            // DOMAIN 1.2: without a critical column the lists answer the schema error, never rows that look free.
            _mine = [];
            _list = new([], [], []);
            _selected.Clear();
            return;
        }
        _mine = await Lists.MineAsync(_worker.Id);
        foreach (var op in _worker.Operaciones) _counts[op] = (await Lists.GetAsync(op, ListAccion.INICIAR)).Items.Count;
        if (_worker.Operaciones.Count > 0) _list = await Lists.GetAsync(_op, ListAccion.INICIAR, search: _search);
        _selected.IntersectWith(_list.Items.Select(s => s.Tag));
        // FLOOR F1 "¿por qué no aparece?": a search with no row in this tab shows each match's reason.
        if (!string.IsNullOrWhiteSpace(_search) && _list.Items.Count + _list.ReadOnly.Count == 0 && _worker.Operaciones.Count > 0)
            _reasons = await Acciones.WhyNotAsync(_worker, _op, _search);
    }

    protected override async Task OnChangeAsync(SpoolChanged change)
    {
        if (_selected.Contains(change.Tag) && change.Occupant is { } taker && WorkerToken.IdOf(taker) != _worker?.Id)
        {
            _selected.Remove(change.Tag);
            Snackbar.Add($"{change.Tag} fue tomado por {taker}", Severity.Info);
        }
        await ReloadAsync();
    }

    private async Task SelectTabAsync(Operacion op)
    {
        _op = op;
        _filter = null;
        _selected.Clear();
        await ReloadAsync();
    }

    private async Task OnSearchAsync(string? text)
    {
        _search = text;
        await ReloadAsync();
        // A scanned TAG that matches one spool selects it, or opens its dialog (UX 3.4).
        if (!string.IsNullOrWhiteSpace(text) && _list.Items.SingleOrDefault(s => s.Tag.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } exact)
            await OnTapAsync(exact);
    }

    private async Task OnTapAsync(SpoolView spool)
    {
        if (_worker is null || SchemaError is not null) return;
        switch (_op)
        {
            case Operacion.ARM or Operacion.SOLD:
                if (!_selected.Remove(spool.Tag))
                {
                    _limitReached = _selected.Count >= BatchLimit.MaxSpools;
                    if (!_limitReached) _selected.Add(spool.Tag);
                }
                break;
            case Operacion.METROLOGIA:
                await RunAsync(() => Actions.MetrologiaAsync(_worker, spool));
                break;
            case Operacion.REPARACION:
                await RunAsync(() => Actions.IniciarAsync(_worker, spool, Operacion.REPARACION));
                break;
        }
    }

    private async Task StartSelectedAsync()
    {
        if (_worker is null || _selected.Count == 0) return;
        var tags = _list.Items.Where(s => _selected.Contains(s.Tag)).Select(s => s.Tag).ToList();
        if (tags.Count == 1)
        {
            await RunAsync(() => Actions.IniciarAsync(_worker, _list.Items.First(s => s.Tag == tags[0]), _op));
            return;
        }
        var batch = await Actions.IniciarVariosAsync(_worker, tags, _op);
        if (batch is null) return;
        // Failed TAGs stay selected (UX 4.3).
        _selected.Clear();
        foreach (var failed in batch.Items.Where(i => !i.Result.Succeeded)) _selected.Add(failed.Tag);
        Flash(batch.Items.Where(i => i.Result.Succeeded).Select(i => i.Tag));
        Snackbar.Add(batch.Resumen, batch.Failed == 0 ? Severity.Success : Severity.Warning);
        await ReloadAsync();
    }

    private Task OnMineActionAsync(SpoolView spool, CommandType action)
    {
        if (_worker is null || spool.OperacionEnCurso is not { } op) return Task.CompletedTask;
        return action switch
        {
            CommandType.FINALIZAR => RunAsync(() => Actions.FinalizarAsync(_worker, spool, op)),
            CommandType.PAUSAR => RunAsync(() => Actions.PausarAsync(_worker, spool, op)),
            CommandType.COMPLETAR => RunAsync(() => Actions.CompletarAsync(_worker, spool, op)),
            _ => RunAsync(() => Actions.CancelarAsync(_worker, spool, op)),
        };
    }

    private Task NotesAsync(SpoolView spool) => _worker is null ? Task.CompletedTask : RunAsync(() => Actions.NotaAsync(Actor.ForWorker(_worker.Id), spool));

    /// <summary>Runs one dialog sequence and renders its typed result: snackbar, changed card, or the error's UI action (UX 6).</summary>
    private async Task RunAsync(Func<Task<CommandResult?>> flow)
    {
        var result = await flow();
        if (result is null) return;
        if (result.Outcome is { } outcome)
        {
            _selected.Remove(outcome.Tag);
            Flash([outcome.Tag]);
            // UX 3.4: after a completed ARM, INICIAR SOLDADURA is offered when the rule book allows it for this worker.
            var offersSold = outcome.Resultado == Resultado.COMPLETADO && await Actions.AllowsAsync(_worker!, outcome.Tag, CommandType.INICIAR, Operacion.SOLD);
            Snackbar.Add(outcome.Mensaje, Severity.Success, c =>
            {
                if (offersSold)
                {
                    c.Action = "INICIAR SOLDADURA";
                    c.OnClick = _ => InvokeAsync(() => RunAsync(() => Actions.IniciarAsync(_worker!, outcome.Spool, Operacion.SOLD)));
                }
            });
        }
        else if (result.Error is { Code: ErrorCode.WORKER_INACTIVO or ErrorCode.WORKER_NO_ENCONTRADO } error)
        {
            await Session.ClearAsync();
            Navigation.NavigateTo($"/?error={Uri.EscapeDataString(error.Message)}");
            return;
        }
        else if (result.Error is { Code: ErrorCode.SPOOL_OCUPADO, Data: var data } && data.GetValueOrDefault("tag") is string taken)
        {
            _selected.Remove(taken);
        }
        await ReloadAsync();
    }

    private void Flash(IEnumerable<string> tags)
    {
        var list = tags.ToList();
        foreach (var tag in list) _flash.Add(tag);
        _ = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => InvokeAsync(() =>
        {
            foreach (var tag in list) _flash.Remove(tag);
            StateHasChanged();
        }));
    }

    private async Task ExpireAsync()
    {
        await Session.ClearAsync();
        Navigation.NavigateTo("/");
    }
}
