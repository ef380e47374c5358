using Microsoft.Playwright;

namespace Zeues.Tests.E2E.Pages;

/// <summary>"/supervisor" — foreman mode: the picker for any operation, ¿PARA QUIÉN?, batch assign and MI LISTA.</summary>
public sealed class SupervisorPage(IPage page)
{
    public ILocator Banner => page.GetByTestId("supervisor-banner");
    public ILocator List => page.GetByTestId("spool-list");
    public ILocator ListaSpools => page.GetByTestId("lista-spools");
    public ILocator ForWhom => page.GetByTestId("for-whom-dialog");

    public ILocator Card(string tag) => List.Locator($"[data-tag='{tag}']");

    /// <summary>Logs in at /admin and opens /supervisor, waiting for its interactive banner.</summary>
    public async Task OpenAsync(Uri baseAddress, string nombre = "Ana Supervisora")
    {
        await page.GotoAsync(new Uri(baseAddress, "/admin").ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await new AdminPage(page).LoginAsync(nombre);
        await page.GotoAsync(new Uri(baseAddress, "/supervisor").ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await Banner.WaitForAsync();
    }

    public Task TabAsync(string op) => page.Locator($"[role=tab][data-op='{op}']").ClickAsync();

    public Task ForAsync(int workerId) => ForWhom.Locator($"[data-worker='{workerId}']").ClickAsync();

    public Task AssignAsync() => page.GetByTestId("assign-selected").ClickAsync();
}
