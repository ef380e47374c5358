using Microsoft.Playwright;

namespace Zeues.Tests.E2E.Pages;

/// <summary>"/trabajo" — Mis spools, operation tabs, the available list and the dialogs.</summary>
public sealed class TrabajoPage(IPage page)
{
    public ILocator Mine => page.GetByTestId("mis-spools");
    public ILocator Available => page.GetByTestId("spool-list");
    public ILocator CurrentWorker => page.GetByTestId("current-worker");
    public ILocator Tabs => page.Locator("[role=tab]");

    public ILocator MineCard(string tag) => Mine.Locator($"[data-tag='{tag}']");
    public ILocator AvailableCard(string tag) => Available.Locator($"[data-tag='{tag}']");

    /// <summary>
    /// Polls the page's URL: Blazor changes it with history.pushState, and waiting for that as a
    /// navigation event misses it when it lands just before the wait starts.
    /// </summary>
    public Task WaitAsync() => Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/trabajo$"));

    public Task TabAsync(string op) => page.Locator($"[role=tab][data-op='{op}']").ClickAsync();

    public Task SelectAsync(string tag) => AvailableCard(tag).ClickAsync();

    public Task StartSelectedAsync() => page.GetByTestId("start-selected").ClickAsync();

    public Task ActionAsync(string tag, string action) => MineCard(tag).Locator($"[data-action='{action}']").ClickAsync();

    public Task ConfirmAsync() => page.GetByTestId("confirm").ClickAsync();

    public Task ChooseUnionAsync(string unionId) => page.Locator($"[data-union='{unionId}'] input[type=checkbox]").CheckAsync();

    public Task FinishUnionsAsync() => page.GetByTestId("finish").ClickAsync();

    public ILocator Snackbar => page.Locator(".mud-snackbar");

    public ILocator DialogError => page.GetByTestId("dialog-error");

    public ILocator Search => page.Locator("input[data-testid='spool-search'], [data-testid='spool-search'] input").First;

    public ILocator ReasonCard(string tag) => Available.Locator($"[data-testid='reason-card'][data-tag='{tag}']");

    public ILocator NotFound => page.GetByTestId("not-found");

    public ILocator SchemaBanner => page.GetByTestId("schema-banner");

    /// <summary>Types (or scans) a TAG or NV into the search of the current tab.</summary>
    public Task SearchAsync(string text) => Search.FillAsync(text);

    public Task GoToOtherTabAsync(string tag) => ReasonCard(tag).GetByTestId("ir-a").ClickAsync();
}
