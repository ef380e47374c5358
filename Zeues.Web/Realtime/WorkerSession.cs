using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;
using Zeues.Core.Domain;
using Zeues.Core.Queries;

namespace Zeues.Web.Realtime;

/// <summary>
/// The worker identified on this tablet, held in the circuit (never taken from the URL) and mirrored
/// in protected per-tab storage so a reload or reconnect of the same tab restores it (UX 3.2).
/// </summary>
public sealed class WorkerSession(SnapshotCache cache, ProtectedSessionStorage storage, IJSRuntime js, ILogger<WorkerSession> logger)
{
    private const string Key = "zeues.worker";
    private const string OfflineDataKey = "zeues.offline.data";
    private bool _restored;

    public Worker? Current { get; private set; }

    public event Action? Changed;

    public Task SetAsync(Worker worker)
    {
        Current = worker;
        _restored = true;
        Changed?.Invoke();
        // The tab copy only serves a later reload: identification never waits for it, and the
        // encryption of the value runs off the circuit's thread.
        _ = Task.Run(() => SafeAsync(() => storage.SetAsync(Key, worker.Id).AsTask()));
        return Task.CompletedTask;
    }

    public async Task ClearAsync()
    {
        Current = null;
        _restored = true;
        await SafeAsync(() => storage.DeleteAsync(Key).AsTask());
        // The offline copy of the worker's screen goes too; actions already captured stay queued under their own credential.
        await SafeAsync(() => js.InvokeVoidAsync("localStorage.removeItem", OfflineDataKey).AsTask());
        Changed?.Invoke();
    }

    /// <summary>Restores the tab's worker after a reload; only an active worker comes back.</summary>
    public async Task<Worker?> RestoreAsync()
    {
        if (_restored || Current is not null) return Current;
        _restored = true;
        try
        {
            var stored = await storage.GetAsync<int>(Key);
            if (stored.Success && (await cache.GetAsync()).Workers.TryGetValue(stored.Value, out var worker) && worker.Activo) Current = worker;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Security.Cryptography.CryptographicException or Microsoft.JSInterop.JSException)
        {
            logger.LogDebug(ex, "Tab storage not available yet");
            _restored = false;
        }
        return Current;
    }

    private async Task SafeAsync(Func<Task> action)
    {
        try { await action(); }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.JSInterop.JSException or TaskCanceledException)
        {
            logger.LogDebug(ex, "Tab storage not reachable");
        }
    }
}
