using Microsoft.AspNetCore.Components;
using Zeues.Core.Coordination;
using Zeues.Core.Queries;

namespace Zeues.Web.Realtime;

/// <summary>
/// Base for live screens (eShop's notifier pattern): subscribes after the first render, handles each
/// change through InvokeAsync on the circuit's dispatcher, reloads after a reconnect and every 60 s,
/// and unsubscribes on teardown. Callbacks only re-read the snapshot; no business logic here.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private readonly CancellationTokenSource _stop = new();

    [Inject] protected SnapshotCache Cache { get; set; } = null!;
    [Inject] private SpoolFeed Feed { get; set; } = null!;
    [Inject] protected CoordinationStatus Coordination { get; set; } = null!;
    [Inject] private CircuitTracker Circuit { get; set; } = null!;

    protected abstract Task ReloadAsync();

    /// <summary>A change arrived; override to react to one TAG (the default reloads).</summary>
    protected virtual Task OnChangeAsync(SpoolChanged change) => ReloadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive) return;
        _subscription = Feed.Subscribe(change => InvokeAsync(async () =>
        {
            try
            {
                await OnChangeAsync(change);
                StateHasChanged();
            }
            catch (Exception ex)
            {
                await DispatchExceptionAsync(ex);
            }
        }));
        Coordination.Changed += OnCoordinationChanged;
        Circuit.Reconnected += OnReconnectedAsync;
        _ = SafetyRefreshAsync(_stop.Token);
    }

    private void OnCoordinationChanged(CoordinationStatus status) => _ = InvokeAsync(StateHasChanged);

    // "Conexión restablecida" is the layout's (ReconnectedNotice); the page only reloads.
    private Task OnReconnectedAsync() => InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    });

    private async Task SafetyRefreshAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(60));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                await InvokeAsync(async () =>
                {
                    await ReloadAsync();
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
            // Page closed.
        }
    }

    public virtual void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _subscription?.Dispose();
        Coordination.Changed -= OnCoordinationChanged;
        Circuit.Reconnected -= OnReconnectedAsync;
        GC.SuppressFinalize(this);
    }
}
