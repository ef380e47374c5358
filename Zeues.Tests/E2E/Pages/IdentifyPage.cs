using Microsoft.Playwright;

namespace Zeues.Tests.E2E.Pages;

/// <summary>"/" — ¿QUIÉN ERES? Knows the locators so tests read as the worker's story.</summary>
public sealed class IdentifyPage(IPage page)
{
    public ILocator Scan => page.GetByTestId("scan");
    public ILocator Error => page.GetByTestId("identify-error");
    public ILocator Tiles => page.Locator("[data-worker]");

    public Task ScanAsync(string badge) => page.Keyboard.TypeAsync(badge + "\n", new KeyboardTypeOptions { Delay = 10 });

    public Task ChooseAsync(int workerId) => page.Locator($"[data-worker='{workerId}']").ClickAsync();
}
