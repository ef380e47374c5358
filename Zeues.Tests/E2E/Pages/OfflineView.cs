using Microsoft.Playwright;

namespace Zeues.Tests.E2E.Pages;

/// <summary>The offline view of /trabajo (FLOOR F5), drawn by js/offline.js while the circuit is gone.</summary>
public sealed class OfflineView(IPage page)
{
    public ILocator Status => page.GetByTestId("offline-status");
    public ILocator Dialog => page.GetByTestId("offline-dialog");

    public ILocator Item(string tag) => page.Locator($"[data-offline-item-tag='{tag}']");

    public ILocator AvailableCard(string tag) => page.GetByTestId("offline-available").Locator($"[data-offline-tag='{tag}']");

    public ILocator MineCard(string tag) => page.GetByTestId("offline-mine").Locator($"[data-offline-tag='{tag}']");

    /// <summary>
    /// Cuts the tablet's network. Playwright's offline mode does not close an open WebSocket, so the
    /// circuit's connection is closed too, as a Wi-Fi drop would.
    /// </summary>
    public async Task GoOfflineAsync()
    {
        await page.Context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");
    }

    public Task GoOnlineAsync() => page.Context.SetOfflineAsync(false);

    /// <summary>The page has stored its data for offline use and the service worker controls it.</summary>
    public Task<bool> ReadyAsync() =>
        page.EvaluateAsync<bool>("() => !!navigator.serviceWorker.controller && !!localStorage.getItem('zeues.offline.data')");

    public Task<bool> HasDataAsync() => page.EvaluateAsync<bool>("() => !!localStorage.getItem('zeues.offline.data')");

    public Task<bool> MineHasAsync(string tag) =>
        page.EvaluateAsync<bool>("tag => (JSON.parse(localStorage.getItem('zeues.offline.data'))?.mine ?? []).some(s => s.tag === tag)", tag);

    public async Task IniciarAsync(string tag)
    {
        await AvailableCard(tag).ClickAsync();
        await page.GetByTestId("offline-start").ClickAsync();
        await ConfirmAsync();
    }

    public Task ActionAsync(string tag, string action) => MineCard(tag).Locator($"[data-action='{action}']").ClickAsync();

    public Task ChooseUnionAsync(string unionId) => page.Locator($"[data-offline-union='{unionId}']").CheckAsync();

    public Task FinishUnionsAsync() => page.GetByTestId("offline-finish").ClickAsync();

    public Task ConfirmAsync() => page.GetByTestId("offline-confirm").ClickAsync();
}
